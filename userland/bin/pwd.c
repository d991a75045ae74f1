/*
 * pwd: print the working directory.
 *
 * From getcwd if the system has one; else as V6's pwd found it: look up
 * the current directory's inode in its parent to learn its name, then
 * do the same one level up, until "." and ".." are the same (the root).
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>
#include <dirent.h>

#define MAXPATH 512

char *getcwd(char *buf, size_t size);	/* unistd.h on POSIX */

char path[MAXPATH];
char name[MAXPATH];

/* walk builds the path of "." into path[] by climbing with chdir(".."). */
int walk(void)
{
	struct stat dot, dotdot, st;
	struct dirent *e;
	DIR *d;
	int n, found;

	path[0] = '\0';
	for (;;) {
		if (stat(".", &dot) < 0 || stat("..", &dotdot) < 0)
			return -1;
		if (dot.st_ino == dotdot.st_ino && dot.st_dev == dotdot.st_dev)
			break;	/* the root */
		if ((d = opendir("..")) == NULL)
			return -1;
		found = 0;
		while (!found && (e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(name, sizeof name, "../%s", e->d_name);
			found = stat(name, &st) == 0 && st.st_ino == dot.st_ino && st.st_dev == dot.st_dev;
		}
		if (found) {
			n = strlen(e->d_name);
			if (n + 1 + strlen(path) >= sizeof path) {
				closedir(d);
				errno = ERANGE;
				return -1;
			}
			memmove(path + n + 1, path, strlen(path) + 1);
			path[0] = '/';
			memcpy(path + 1, e->d_name, n);
		}
		closedir(d);
		if (!found) {
			errno = ENOENT;
			return -1;
		}
		if (chdir("..") < 0)
			return -1;
	}
	if (path[0] == '\0')
		strcpy(path, "/");
	return 0;
}

int main(void)
{
	if (getcwd(path, sizeof path) == NULL && walk() < 0) {
		fprintf(stderr, "pwd: %s\n", strerror(errno));
		return 1;
	}
	printf("%s\n", path);
	return 0;
}
