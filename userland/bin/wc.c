/*
 * wc: count lines, words and bytes of files or standard input.
 *
 *	wc [-lwc] [file...]
 *
 * A word is a maximal run of characters other than blank, tab and
 * newline. With several files a total line follows.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

char buf[512];
int lflag, wflag, cflag;
long tl, tw, tc;	/* totals */

void show(long l, long w, long c, char *name)
{
	char out[128];
	int n;

	n = 0;
	if (lflag)
		n += sprintf(out + n, "%7ld", l);
	if (wflag)
		n += sprintf(out + n, "%s%7ld", n ? " " : "", w);
	if (cflag)
		n += sprintf(out + n, "%s%7ld", n ? " " : "", c);
	if (name != NULL)
		printf("%s %s\n", out, name);
	else
		printf("%s\n", out);
}

/* count counts fd and prints its line; it returns -1 on a read error. */
int count(int fd, char *name)
{
	long l, w, c;
	int i, n, inword;

	l = w = c = 0;
	inword = 0;
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		c += n;
		for (i = 0; i < n; i++) {
			if (buf[i] == '\n')
				l++;
			if (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n')
				inword = 0;
			else if (!inword) {
				inword = 1;
				w++;
			}
		}
	}
	if (n < 0)
		return -1;
	tl += l;
	tw += w;
	tc += c;
	show(l, w, c, name);
	return 0;
}

int main(int argc, char **argv)
{
	int i, fd, status, nfile;
	char *p;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		for (p = argv[i] + 1; *p; p++) {
			if (*p == 'l')
				lflag = 1;
			else if (*p == 'w')
				wflag = 1;
			else if (*p == 'c')
				cflag = 1;
			else {
				fprintf(stderr, "usage: wc [-lwc] [file...]\n");
				return 2;
			}
		}
	}
	if (!lflag && !wflag && !cflag)
		lflag = wflag = cflag = 1;
	if (i == argc) {
		if (count(0, NULL) < 0) {
			perror("wc");
			return 1;
		}
		return 0;
	}
	status = 0;
	nfile = argc - i;
	for (; i < argc; i++) {
		if ((fd = open(argv[i], O_RDONLY)) < 0 || count(fd, argv[i]) < 0) {
			fprintf(stderr, "wc: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
		if (fd >= 0)
			close(fd);
	}
	if (nfile > 1)
		show(tl, tw, tc, "total");
	return status;
}
