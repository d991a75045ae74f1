/* mkdir: make directories. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	int i, status;

	if (argc < 2) {
		fprintf(stderr, "usage: mkdir dir...\n");
		return 2;
	}
	status = 0;
	for (i = 1; i < argc; i++) {
		if (mkdir(argv[i], 0777) < 0) {
			fprintf(stderr, "mkdir: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
