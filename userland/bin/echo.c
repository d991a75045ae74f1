/*
 * echo: print the arguments separated by blanks; -n leaves out the
 * newline. The line is written with one write, so it is not torn by
 * other processes' output.
 */
#include <string.h>
#include <unistd.h>

char buf[4096];

int main(int argc, char **argv)
{
	int i, n, nl, len;

	nl = 1;
	i = 1;
	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		nl = 0;
		i++;
	}
	n = 0;
	for (; i < argc; i++) {
		len = strlen(argv[i]);
		if (n + len + 2 > (int)sizeof buf) {
			write(1, buf, n);	/* too long for one write */
			n = 0;
		}
		if (len + 2 > (int)sizeof buf)
			write(1, argv[i], len);
		else {
			memcpy(buf + n, argv[i], len);
			n += len;
		}
		if (i < argc - 1)
			buf[n++] = ' ';
	}
	if (nl)
		buf[n++] = '\n';
	return write(1, buf, n) != n;
}
