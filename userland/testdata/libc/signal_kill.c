/* Signal deaths: the wait status carries the number; SIG_IGN survives. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static int spin(void)
{
	volatile int i;

	for (;;)
		for (i = 0; i < 1000; i++)
			;
}

static void killwith(int sig)
{
	int pid, status;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		spin();
	kill(pid, sig);
	waitpid(pid, &status, 0);
	printf("sig %d: exited %d signaled %d termsig %d\n", sig, WIFEXITED(status),
		WIFSIGNALED(status), WTERMSIG(status));
}

int main(void)
{
	int pid, status;

	setbuf(stdout, NULL);	/* unbuffered on Linux too: no output duplicated by fork */
	killwith(SIGTERM);
	killwith(SIGKILL);
	killwith(SIGUSR1);
	killwith(SIGINT);
	/* an ignored signal does nothing; the child exits normally */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		signal(SIGTERM, SIG_IGN);
		raise(SIGTERM);
		printf("child ignored SIGTERM\n");
		_exit(5);
	}
	waitpid(pid, &status, 0);
	printf("exited %d status %d\n", WIFEXITED(status), WEXITSTATUS(status));
	/* raise with no handler: the program itself dies */
	fflush(stdout);
	raise(SIGUSR2);
	printf("not reached\n");
	return 0;
}
