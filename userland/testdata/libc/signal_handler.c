/*
 * Handlers: raise calls one before returning, it gets the number, and
 * signal returns the previous handler. V6++ handlers are one-shot while
 * Linux's stay, so the handlers reinstall themselves to be portable.
 */
#define _GNU_SOURCE	/* glibc declares sighandler_t only then */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static volatile int got, count;

static void handler(int sig)
{
	got = sig;
	count++;
	signal(sig, handler);
}

static void other(int sig)
{
	printf("other handler: %d\n", sig);
	signal(sig, other);
}

int main(void)
{
	sighandler_t old;

	old = signal(SIGUSR1, handler);
	printf("first: old is SIG_DFL %d\n", old == SIG_DFL);
	raise(SIGUSR1);
	printf("got %d count %d\n", got, count);
	raise(SIGUSR1);
	raise(SIGUSR1);
	printf("count %d\n", count);
	old = signal(SIGUSR1, other);
	printf("old is handler %d\n", old == handler);
	raise(SIGUSR1);
	old = signal(SIGUSR1, SIG_IGN);
	printf("old is other %d\n", old == other);
	raise(SIGUSR1);
	old = signal(SIGUSR1, SIG_DFL);
	printf("old is SIG_IGN %d\n", old == SIG_IGN);
	signal(SIGINT, handler);
	kill(getpid(), SIGINT);
	printf("kill self: got %d\n", got);
	printf("SIGKILL refused: %d\n", signal(SIGKILL, handler) == SIG_ERR);
	printf("bad number refused: %d\n", signal(0, handler) == SIG_ERR);
	return 0;
}
