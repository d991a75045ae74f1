/*
 * mv: move (rename) files.
 *
 *	mv from to
 *	mv from... dir
 *
 * As in V6, a move is link to the new name, then unlink of the old one,
 * so it works only within one file system and not for directories. An
 * existing file "to" is replaced.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

int link(const char *from, const char *to);	/* unistd.h on POSIX */

int move(char *from, char *to)
{
	static char path[512];
	struct stat sf, st;
	char *base;

	if (stat(from, &sf) < 0) {
		fprintf(stderr, "mv: %s: %s\n", from, strerror(errno));
		return 1;
	}
	if (S_ISDIR(sf.st_mode)) {
		fprintf(stderr, "mv: %s: cannot move a directory\n", from);
		return 1;
	}
	if (stat(to, &st) == 0 && S_ISDIR(st.st_mode)) {
		base = strrchr(from, '/');
		base = base != NULL ? base + 1 : from;
		if (strlen(to) + strlen(base) + 2 > sizeof path) {
			fprintf(stderr, "mv: %s/%s: name too long\n", to, base);
			return 1;
		}
		sprintf(path, "%s/%s", to, base);
		to = path;
	}
	if (stat(to, &st) == 0) {
		if (st.st_dev == sf.st_dev && st.st_ino == sf.st_ino) {
			fprintf(stderr, "mv: %s and %s are the same file\n", from, to);
			return 1;
		}
		if (S_ISDIR(st.st_mode)) {
			fprintf(stderr, "mv: %s: is a directory\n", to);
			return 1;
		}
		if (unlink(to) < 0) {
			fprintf(stderr, "mv: %s: %s\n", to, strerror(errno));
			return 1;
		}
	}
	if (link(from, to) < 0) {
		fprintf(stderr, "mv: %s: %s\n", to, strerror(errno));
		return 1;
	}
	if (unlink(from) < 0) {
		fprintf(stderr, "mv: %s: %s\n", from, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct stat st;
	int i, status;

	if (argc < 3) {
		fprintf(stderr, "usage: mv from to, or mv from... dir\n");
		return 2;
	}
	if (argc > 3 && (stat(argv[argc - 1], &st) < 0 || !S_ISDIR(st.st_mode))) {
		fprintf(stderr, "mv: %s: not a directory\n", argv[argc - 1]);
		return 1;
	}
	status = 0;
	for (i = 1; i < argc - 1; i++)
		status |= move(argv[i], argv[argc - 1]);
	return status;
}
