/*
 * rmdir: remove empty directories.
 *
 * With a kernel that has no rmdir call (V6's had none), it does what V6's
 * rmdir program did: check that only "." and ".." are left, then unlink
 * dir/., dir/.. and dir.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>
#include <dirent.h>

int rmdir(const char *path);	/* unistd.h on POSIX */

/* v6rmdir removes dir by unlinking; it returns -1 with errno set. */
int v6rmdir(char *dir)
{
	char path[512];
	struct stat st;
	struct dirent *e;
	DIR *d;

	if (stat(dir, &st) < 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	if (strlen(dir) + 4 > sizeof path) {
		errno = EINVAL;
		return -1;
	}
	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			closedir(d);
			errno = EEXIST;	/* V6's word for "not empty" */
			return -1;
		}
	}
	closedir(d);
	sprintf(path, "%s/..", dir);
	if (unlink(path) < 0)
		return -1;
	sprintf(path, "%s/.", dir);
	if (unlink(path) < 0)
		return -1;
	return unlink(dir);
}

int main(int argc, char **argv)
{
	int i, r, status;

	if (argc < 2) {
		fprintf(stderr, "usage: rmdir dir...\n");
		return 2;
	}
	status = 0;
	for (i = 1; i < argc; i++) {
		r = rmdir(argv[i]);
		if (r < 0 && errno == ENOSYS)
			r = v6rmdir(argv[i]);
		if (r < 0) {
			fprintf(stderr, "rmdir: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
