/*
 * The signal trampoline keeps the interrupted code's registers: a signal
 * on the way out of a system call (selfsig), and signals arriving while
 * the child spins with live registers (spin). Prints "ok ..." or why not.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int selfsig(int sig);
int spin(int n);

static volatile int count;

static void handler(int sig)
{
	int i, x = 0;

	/* clobber what C may clobber: EAX ECX EDX and the flags */
	for (i = 0; i < 10; i++)
		x += i * sig;
	count++;
	signal(sig, handler);
}

int main(void)
{
	int r, i, pid, status, bad = 0;

	signal(SIGUSR1, handler);
	signal(SIGUSR2, handler);
	r = selfsig(SIGUSR1);
	printf("selfsig: check %d, handled %d\n", r, count);
	pid = fork();
	if (pid == 0) {
		count = 0;
		while (count < 5)
			if (spin(2000) != 0)
				bad = 1;
		_exit(bad ? 100 : 5);
	}
	/*
	 * V6++ handlers are one-shot: until the handler has reinstalled
	 * itself, a second signal of the same kind kills. The parent wakes at
	 * the very clock tick that delivers the previous signal, so it may
	 * signal again before the child's handler has run; alternating the
	 * two signals keeps that race out of the test.
	 */
	for (i = 0; i < 30; i++) {
		sleep(1);
		if (kill(pid, i % 2 ? SIGUSR2 : SIGUSR1) < 0)
			break;	/* the child is done */
	}
	waitpid(pid, &status, 0);
	printf("spin: exited %d status %d\n", WIFEXITED(status), WEXITSTATUS(status));
	return 0;
}
