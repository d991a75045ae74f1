/* forkloop.c: N rounds of fork, _exit, wait -- the benchmark's workload. */
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	int i, n = argc > 1 ? atoi(argv[1]) : 100;

	for (i = 0; i < n; i++) {
		int pid = fork();
		if (pid == 0)
			_exit(0);
		if (pid < 0 || wait(0) != pid)
			return 1;
	}
	return 0;
}
