/*
 * clonedemo.c: clone(CLONE_VM) gives a child on its own stack that shares
 * the caller's memory: both increment one counter. Without CLONE_VM the
 * child increments a copy. A bad stack or a bad function pointer kills the
 * child only.
 */
#include <stdio.h>
#include <unistd.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

int counter;
static char stack1[4096], stack2[4096];

/* The system call under clone(): the child returns 0 from it on stack. */
int __clone(int flags, void *stack);

static int bump(void *arg)
{
	int i, n = *(int *)arg;

	for (i = 0; i < n; i++)
		counter++;
	return 3;
}

int main(void)
{
	int n = 1000, status, pid;

	pid = clone(bump, stack1 + sizeof stack1, CLONE_VM | SIGCHLD, &n);
	waitpid(pid, &status, 0);
	printf("CLONE_VM: counter = %d, child status %d\n", counter, WEXITSTATUS(status));

	counter = 0;
	pid = clone(bump, stack2 + sizeof stack2, SIGCHLD, &n);
	waitpid(pid, &status, 0);
	printf("no CLONE_VM: counter = %d (the child counted in its copy)\n", counter);

	/* clone() itself would write fn and arg on a bad stack and fault in
	 * the parent, as glibc's does; the raw call gives the child the bad
	 * stack, and its first return from the stub faults. */
	pid = __clone(CLONE_VM | SIGCHLD, (void *)0x10);
	if (pid == 0)
		_exit(0);	/* not reached: the child faults returning from __clone */
	waitpid(pid, &status, 0);
	printf("bad stack: the child was killed by signal %d\n", WTERMSIG(status));

	pid = clone((int (*)(void *))0x20, stack1 + sizeof stack1, CLONE_VM | SIGCHLD, &n);
	waitpid(pid, &status, 0);
	printf("bad function: the child was killed by signal %d\n", WTERMSIG(status));
	printf("still running\n");
	return 0;
}
