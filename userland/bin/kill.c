/*
 * kill: send a signal (SIGTERM, or -N) to processes.
 *
 *	kill [-N] pid...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>

/* number converts a decimal string, or returns -1 if it is not one. */
int number(char *s)
{
	char *end;
	long n;

	n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || n < 0)
		return -1;
	return n;
}

int main(int argc, char **argv)
{
	int i, sig, pid, status;

	sig = SIGTERM;
	i = 1;
	if (argc > 1 && argv[1][0] == '-') {
		sig = number(argv[1] + 1);
		if (sig <= 0 || sig >= NSIG) {
			fprintf(stderr, "kill: bad signal: %s\n", argv[1] + 1);
			return 2;
		}
		i++;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: kill [-N] pid...\n");
		return 2;
	}
	status = 0;
	for (; i < argc; i++) {
		pid = number(argv[i]);
		if (pid <= 0) {
			fprintf(stderr, "kill: bad pid: %s\n", argv[i]);
			status = 1;
			continue;
		}
		if (kill(pid, sig) < 0) {
			fprintf(stderr, "kill: %d: %s\n", pid, strerror(errno));
			status = 1;
		}
	}
	return status;
}
