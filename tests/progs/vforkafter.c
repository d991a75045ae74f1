/*
 * vforkafter.c: after a vfork child has gone (by _exit or by exec), and
 * after a clone(CLONE_VM|CLONE_VFORK) child has returned, the parent owns
 * its address space alone again: it can grow its break (malloc, sbrk) and
 * its stack (deep recursion), as after a fork.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sched.h>
#include <sys/wait.h>

static char stack[4096];

static int child_fn(void *arg)
{
	return *(int *)arg;
}

/* deep recurses n levels on 1 KiB frames: 200 levels need stack growth. */
static int deep(int n)
{
	char frame[1024];

	memset(frame, n, sizeof frame);
	return n == 0 ? 0 : frame[n % 1024] - (char)n + 1 + deep(n - 1);
}

static void grow(const char *after)
{
	char *p = malloc(64 * 1024);
	char *q = sbrk(4096);

	printf("after %s: malloc %s, sbrk %s, recursion %d deep\n", after,
	       p ? "works" : "fails", q != (char *)-1 ? "works" : "fails", deep(200));
}

int main(int argc, char **argv)
{
	int status, arg = 7;
	char *args[] = {argv[0], "quit", 0};

	if (argc > 1)
		return 0;	/* the exec'd child */
	if (vfork() == 0)
		_exit(0);
	wait(&status);
	grow("a vfork child's _exit");

	if (vfork() == 0) {
		execve(argv[0], args, 0);
		_exit(127);
	}
	wait(&status);
	grow("a vfork child's exec");

	waitpid(clone(child_fn, stack + sizeof stack, CLONE_VM | CLONE_VFORK | SIGCHLD, &arg), &status, 0);
	grow("a clone(CLONE_VM|CLONE_VFORK) child");
	return 0;
}
