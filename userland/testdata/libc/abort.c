/* abort kills with SIGABRT even when SIGABRT is caught or ignored. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void handler(int sig)
{
	printf("handler %d\n", sig);
}

int main(void)
{
	int status;

	setbuf(stdout, NULL);
	if (fork() == 0) {
		signal(SIGABRT, SIG_IGN);
		abort();
	}
	wait(&status);
	printf("ignored: signaled %d sig %d\n", WIFSIGNALED(status), WTERMSIG(status));
	if (fork() == 0) {
		abort();
	}
	wait(&status);
	printf("default: signaled %d sig %d\n", WIFSIGNALED(status), WTERMSIG(status));
	signal(SIGABRT, handler);
	abort();
	return 0;
}
