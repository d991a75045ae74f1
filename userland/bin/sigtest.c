/*
 * sigtest: signals between processes (V6++'s sigTest).
 *
 * The first child has a handler for SIGUSR1 (set before the fork, so it
 * is there before the parent can send); the parent sends SIGUSR1, the
 * handler runs in the child, which reports and exits normally. The second
 * child keeps the default action, so SIGTERM kills it, and wait tells.
 */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

volatile int got;

void handler(int sig)
{
	got = sig;
}

int main(void)
{
	int pid, status;

	setbuf(stdout, NULL);	/* as V6++: no buffer for fork to duplicate */
	signal(SIGUSR1, handler);
	pid = fork();
	if (pid == 0) {
		while (!got)
			sleep(1);	/* a signal ends the sleep early */
		printf("child: handler got signal %d\n", got);
		exit(0);
	}
	kill(pid, SIGUSR1);
	wait(&status);
	printf("parent: first child exited with %d\n", WEXITSTATUS(status));

	signal(SIGUSR1, SIG_DFL);
	pid = fork();
	if (pid == 0) {
		for (;;)
			sleep(1);
	}
	kill(pid, SIGTERM);
	wait(&status);
	if (WIFSIGNALED(status))
		printf("parent: second child killed by signal %d\n", WTERMSIG(status));
	else
		printf("parent: second child exited with %d\n", WEXITSTATUS(status));
	return 0;
}
