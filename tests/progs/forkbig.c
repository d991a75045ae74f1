/* forkbig.c: N rounds of fork, _exit, wait with a big image -- the
 * benchmark of copying against copy-on-write fork. */
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

char big[4 << 20];		/* 4 MiB of data (bss), touched once */

int main(int argc, char **argv)
{
	int i, n = argc > 1 ? atoi(argv[1]) : 10;
	int kb = argc > 2 ? atoi(argv[2]) : 4096;

	for (i = 0; i < kb * 1024; i += 4096)
		big[i] = 1;
	for (i = 0; i < n; i++) {
		int pid = fork();
		if (pid == 0)
			_exit(0);
		if (pid < 0 || wait(0) != pid)
			return 1;
	}
	return 0;
}
