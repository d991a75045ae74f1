/*
 * head: print the first lines (10, or N) of files or standard input.
 *
 *	head [-n N | -N] [file...]
 *
 * With several files each is preceded by "==> name <==".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

char buf[512];

/* head copies the first n lines of fd to standard output. It reads a
 * byte at a time from a shared input (standard input), so that what it
 * leaves is still there for the next reader, as POSIX asks of head. */
int head(int fd, long n)
{
	int i, m, out, size;

	m = 0;
	size = fd == 0 ? 1 : sizeof buf;
	while (n > 0 && (m = read(fd, buf, size)) > 0) {
		out = m;
		for (i = 0; i < m; i++) {
			if (buf[i] == '\n' && --n == 0) {
				out = i + 1;
				break;
			}
		}
		fwrite(buf, 1, out, stdout);
	}
	return n > 0 && m < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	int i, fd, status, first, many;
	long n;
	char *s, *end;

	n = 10;
	i = 1;
	if (i < argc && argv[i][0] == '-' && argv[i][1] != '\0') {
		s = NULL;
		if (strcmp(argv[i], "-n") == 0) {
			if (i + 1 < argc)
				s = argv[++i];
		} else if (strncmp(argv[i], "-n", 2) == 0)
			s = argv[i] + 2;
		else
			s = argv[i] + 1;
		if (s == NULL || *s == '\0' || (n = strtol(s, &end, 10)) < 0 || *end != '\0') {
			fprintf(stderr, "usage: head [-n N] [file...]\n");
			return 2;
		}
		i++;
	}
	if (i == argc)
		return head(0, n) < 0;
	status = 0;
	many = argc - i > 1;
	for (first = 1; i < argc; i++) {
		if ((fd = open(argv[i], O_RDONLY)) < 0) {
			fprintf(stderr, "head: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (many) {
			printf("%s==> %s <==\n", first ? "" : "\n", argv[i]);
			first = 0;
		}
		if (head(fd, n) < 0) {
			fprintf(stderr, "head: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
		close(fd);
	}
	return status;
}
