/*
 * Children print, the parent waits for each in turn: one write per
 * printf keeps every line whole, and the waits make the order fixed.
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int i, j, pid, status, mypid = getpid();

	setbuf(stdout, NULL);	/* unbuffered on Linux too: no output duplicated by fork */
	for (i = 0; i < 3; i++) {
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			for (j = 0; j < 3; j++)
				printf("child %d line %d, parent ok %d\n", i, j, getppid() == mypid);
			return i;
		}
		waitpid(pid, &status, 0);
		printf("parent reaped child %d: %d\n", i, WEXITSTATUS(status));
	}
	/* a grandchild: the child waits for it before exiting */
	fflush(stdout);
	if (fork() == 0) {
		if (fork() == 0) {
			printf("grandchild\n");
			return 3;
		}
		wait(&status);
		printf("child saw grandchild exit %d\n", WEXITSTATUS(status));
		return 4;
	}
	wait(&status);
	printf("parent saw child exit %d\n", WEXITSTATUS(status));
	return 0;
}
