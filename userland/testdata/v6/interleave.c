/*
 * Parent and child print numbered lines at the same time; with one write
 * per printf each line stays whole however the scheduler interleaves them.
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINES 150

int main(void)
{
	int i, pid;
	const char *who;

	pid = fork();
	who = pid == 0 ? "child " : "parent";
	for (i = 0; i < LINES; i++)
		printf("%s %3d: the quick brown fox jumps over the lazy dog %3d\n", who, i, i);
	if (pid != 0)
		wait(NULL);
	return 0;
}
