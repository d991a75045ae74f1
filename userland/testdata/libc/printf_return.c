/* Return values of the printf family, %n, and %% in odd places. */
#include <stdio.h>

int main(void)
{
	int a, b, n;
	char buf[32];

	setbuf(stdout, NULL);	/* keep stdout and stderr in order on Linux */
	n = printf("abc%ndef%n\n", &a, &b);
	printf("%d %d %d\n", n, a, b);
	n = printf("%s", "");
	printf("empty: %d\n", n);
	n = sprintf(buf, "%5d|%-5d|", 1, 2);
	printf("%d [%s]\n", n, buf);
	n = printf("%%%%%d%%\n", 100);
	printf("%d\n", n);
	n = fprintf(stdout, "to stdout %d\n", 9);
	printf("%d\n", n);
	fprintf(stderr, "this goes to stderr, on the console too\n");
	return n;
}
