/*
 * forkbomb.c: fork until the process table is full. fork then fails with
 * EAGAIN, the system keeps running, and once the children are gone fork
 * works again.
 */
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <sys/wait.h>

int main(void)
{
	int n = 0, pid, reaped = 0;

	for (;;) {
		pid = fork();
		if (pid == 0) {
			sleep(1);
			_exit(0);
		}
		if (pid < 0)
			break;
		n++;
	}
	printf("forked %d children, then fork failed with %s\n", n, errno == EAGAIN ? "EAGAIN" : "something else");
	while (wait(0) > 0)
		reaped++;
	printf("reaped %d\n", reaped);
	pid = fork();
	if (pid == 0)
		_exit(5);
	if (pid > 0) {
		int status;
		wait(&status);
		printf("fork works again: child exited %d\n", WEXITSTATUS(status));
	}
	return 0;
}
