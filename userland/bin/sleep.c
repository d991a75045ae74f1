/* sleep: suspend for a number of seconds. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char *end;
	long n;

	if (argc != 2) {
		fprintf(stderr, "usage: sleep seconds\n");
		return 2;
	}
	n = strtol(argv[1], &end, 10);
	if (*argv[1] == '\0' || *end != '\0' || n < 0) {
		fprintf(stderr, "sleep: bad number: %s\n", argv[1]);
		return 2;
	}
	sleep(n);
	return 0;
}
