/*
 * race.c: who prints first after fork? The kernel is not preemptive: the
 * parent keeps the processor after fork unless the end-of-call SetPri
 * finds its priority has got worse than the CurPri it was chosen at —
 * which happens if enough clock ticks (16 per priority step) landed on it
 * since. Then RunRun is set and the child, at p_pri 0, runs first. The
 * loop gives the ticks room to land; the seed decides where they do.
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	int i, n = 20000, pid;

	if (argc > 1)
		n = atoi(argv[1]);
	for (i = 0; i < n; i++)
		;
	pid = fork();
	if (pid == 0) {
		printf("child\n");
		return 0;
	}
	printf("parent\n");
	wait(0);
	return 0;
}
