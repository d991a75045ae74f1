/*
 * cat: copy files, or standard input ("-" or no arguments), to standard
 * output.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

char buf[512];

/* copy writes everything read from fd to standard output; it returns 0,
 * or -1 after a read error. */
int copy(int fd)
{
	int n;

	while ((n = read(fd, buf, sizeof buf)) > 0) {
		if (write(1, buf, n) != n) {
			fprintf(stderr, "cat: write error: %s\n", strerror(errno));
			return -1;
		}
	}
	return n;
}

int main(int argc, char **argv)
{
	int i, fd, status;

	if (argc < 2)
		return copy(0) < 0;
	status = 0;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0)
			fd = 0;
		else if ((fd = open(argv[i], O_RDONLY)) < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (copy(fd) < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
		if (fd != 0)
			close(fd);
	}
	return status;
}
