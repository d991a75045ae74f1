/*
 * rm: remove files (directory entries).
 *
 *	rm [-f] file...
 *
 * Directories are refused (rmdir removes them): on V6 the superuser's
 * unlink would tear one out of the tree. -f says nothing about files that
 * do not exist.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	struct stat st;
	int i, fflag, status;

	fflag = 0;
	i = 1;
	if (i < argc && strcmp(argv[i], "-f") == 0) {
		fflag = 1;
		i++;
	}
	if (i == argc && !fflag) {
		fprintf(stderr, "usage: rm [-f] file...\n");
		return 2;
	}
	status = 0;
	for (; i < argc; i++) {
		if (stat(argv[i], &st) < 0) {
			if (!fflag || errno != ENOENT) {
				fprintf(stderr, "rm: %s: %s\n", argv[i], strerror(errno));
				status = 1;
			}
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			fprintf(stderr, "rm: %s: is a directory\n", argv[i]);
			status = 1;
			continue;
		}
		if (unlink(argv[i]) < 0) {
			fprintf(stderr, "rm: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
