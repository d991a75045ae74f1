/*
 * vforkstack.c: a vfork child returns from the function that called vfork,
 * and the parent later resumes on a stack the child rewrote.
 *
 * The child and the parent share one stack. This is it while the parent
 * sleeps in vfork, growing down from demo()'s frame (E is demo's EBP):
 *
 *	E-4    demo's local pid
 *	E-8    return address into demo        pushed by demo's call to spawn
 *	E-12   demo's EBP (E)                   spawn's frame: its EBP is E-12
 *	E-16   spawn's local pid
 *
 * The child returns from vfork (the stub kept the return address in ECX,
 * not on the stack) and from spawn(): `leave; ret` pops E-12 and E-8, and
 * it is back in demo() with pid 0. Every call it makes now puts its
 * argument at E-8 and its return address at E-12: scribble(7), then
 * _exit(3). The parent wakes inside spawn() with its own registers
 * (EBP = E-12) and returns: `leave` loads EBP from E-12 -- a return address
 * into demo -- and `ret` jumps to the word at E-8: 3, the argument of the
 * child's last call. Fetching at address 3 faults, and the parent dies of
 * SIGSEGV.
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static int spawn(void)
{
	int pid = vfork();	/* the parent sleeps here until the child exits */

	return pid;		/* the child returns from spawn: its frame is free stack now */
}

static void scribble(int depth)
{
	char junk[64];
	int i;

	for (i = 0; i < 64; i++)
		junk[i] = depth;
}

static void demo(void)
{
	int pid = spawn();

	if (pid == 0) {
		scribble(7);	/* a new frame where spawn()'s was */
		_exit(3);
	}
	printf("parent: spawn() returned %d\n", pid);	/* never reached */
	_exit(0);
}

int main(void)
{
	int status;

	if (fork() == 0)
		demo();
	wait(&status);
	if (WIFSIGNALED(status))
		printf("the vfork parent was killed by signal %d\n", WTERMSIG(status));
	else
		printf("the vfork parent exited with status %d\n", WEXITSTATUS(status));
	return 0;
}
