/*
 * grep: print the lines that contain a fixed string.
 *
 *	grep [-vc] string [file...]
 *
 * -v selects the lines that do not contain it, -c prints only how many
 * lines were selected. With several files each line or count is prefixed
 * with the file's name. The exit status is 0 if a line was selected, 1 if
 * none was, 2 on error.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#define LINESIZ 1024

int vflag, cflag, many;
char *pat;
int found;

/* Input is read in blocks; getl hands out lines from them. */
char ibuf[512];
int ipos, ilen;

/* getl reads a line (without its newline, cut at LINESIZ) from fd into
 * s; it returns the line's length, or -1 at end of file or on error. */
int getl(int fd, char *s)
{
	int n, any;

	n = 0;
	any = 0;
	for (;;) {
		if (ipos == ilen) {
			ilen = read(fd, ibuf, sizeof ibuf);
			ipos = 0;
			if (ilen <= 0) {
				ilen = 0;
				break;
			}
		}
		any = 1;
		if (ibuf[ipos] == '\n') {
			ipos++;
			break;
		}
		if (n < LINESIZ)
			s[n++] = ibuf[ipos];
		ipos++;
	}
	s[n] = '\0';
	return any ? n : -1;
}

void grep(int fd, char *name)
{
	char s[LINESIZ + 1];
	long count;

	ipos = ilen = 0;
	count = 0;
	while (getl(fd, s) >= 0) {
		if ((strstr(s, pat) != NULL) == vflag)
			continue;
		count++;
		found = 1;
		if (cflag)
			continue;
		if (many)
			printf("%s:%s\n", name, s);
		else
			printf("%s\n", s);
	}
	if (cflag) {
		if (many)
			printf("%s:%ld\n", name, count);
		else
			printf("%ld\n", count);
	}
}

int main(int argc, char **argv)
{
	int i, fd, status;
	char *p;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		for (p = argv[i] + 1; *p; p++) {
			if (*p == 'v')
				vflag = 1;
			else if (*p == 'c')
				cflag = 1;
			else {
				fprintf(stderr, "usage: grep [-vc] string [file...]\n");
				return 2;
			}
		}
	}
	if (i >= argc) {
		fprintf(stderr, "usage: grep [-vc] string [file...]\n");
		return 2;
	}
	pat = argv[i++];
	if (i == argc) {
		grep(0, "(standard input)");
		return !found;
	}
	many = argc - i > 1;
	status = 0;
	for (; i < argc; i++) {
		if ((fd = open(argv[i], O_RDONLY)) < 0) {
			fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
			status = 2;
			continue;
		}
		grep(fd, argv[i]);
		close(fd);
	}
	return status ? status : !found;
}
