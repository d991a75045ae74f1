/*
 * cp: copy files.
 *
 *	cp from to
 *	cp from... dir
 *
 * The copy gets the source's permission bits if it is new. Copying a
 * file onto itself is refused: it would empty it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

char buf[512];

/* target returns to, or to/basename(from) if to is a directory. */
char *target(char *from, char *to)
{
	static char path[512];
	struct stat st;
	char *base;

	if (stat(to, &st) < 0 || !S_ISDIR(st.st_mode))
		return to;
	base = strrchr(from, '/');
	base = base != NULL ? base + 1 : from;
	if (strlen(to) + strlen(base) + 2 > sizeof path) {
		fprintf(stderr, "cp: %s/%s: name too long\n", to, base);
		return NULL;
	}
	sprintf(path, "%s/%s", to, base);
	return path;
}

int copy(char *from, char *to)
{
	struct stat sf, st;
	int in, out, n;

	if ((to = target(from, to)) == NULL)
		return 1;
	if ((in = open(from, O_RDONLY)) < 0 || fstat(in, &sf) < 0) {
		fprintf(stderr, "cp: %s: %s\n", from, strerror(errno));
		if (in >= 0)
			close(in);
		return 1;
	}
	if (S_ISDIR(sf.st_mode)) {
		fprintf(stderr, "cp: %s: is a directory\n", from);
		close(in);
		return 1;
	}
	if (stat(to, &st) == 0 && st.st_dev == sf.st_dev && st.st_ino == sf.st_ino) {
		fprintf(stderr, "cp: %s and %s are the same file\n", from, to);
		close(in);
		return 1;
	}
	if ((out = creat(to, sf.st_mode & 0777)) < 0) {
		fprintf(stderr, "cp: %s: %s\n", to, strerror(errno));
		close(in);
		return 1;
	}
	while ((n = read(in, buf, sizeof buf)) > 0) {
		if (write(out, buf, n) != n) {
			fprintf(stderr, "cp: %s: %s\n", to, strerror(errno));
			n = 0;
			break;
		}
	}
	if (n < 0)
		fprintf(stderr, "cp: %s: %s\n", from, strerror(errno));
	close(in);
	close(out);
	return n != 0;
}

int main(int argc, char **argv)
{
	struct stat st;
	int i, status;

	if (argc < 3) {
		fprintf(stderr, "usage: cp from to, or cp from... dir\n");
		return 2;
	}
	if (argc > 3 && (stat(argv[argc - 1], &st) < 0 || !S_ISDIR(st.st_mode))) {
		fprintf(stderr, "cp: %s: not a directory\n", argv[argc - 1]);
		return 1;
	}
	status = 0;
	for (i = 1; i < argc - 1; i++)
		status |= copy(argv[i], argv[argc - 1]);
	return status;
}
