/* atexit functions run in reverse order on exit and on return from main. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void one(void)
{
	printf("one\n");
}

static void two(void)
{
	printf("two\n");
}

static void three(void)
{
	printf("three\n");
}

static void nested(int depth)
{
	if (depth == 0)
		exit(9);
	nested(depth - 1);
}

int main(void)
{
	int status;

	setbuf(stdout, NULL);
	printf("register one: %d\n", atexit(one));
	printf("register two: %d\n", atexit(two));
	if (fork() == 0) {
		atexit(three);
		nested(5);	/* exit from deep inside: three, two, one */
	}
	wait(&status);
	printf("child exited %d\n", WEXITSTATUS(status));
	if (fork() == 0)
		_exit(3);	/* _exit skips them */
	wait(&status);
	printf("_exit child %d\n", WEXITSTATUS(status));
	if (fork() == 0)
		_Exit(4);
	wait(&status);
	printf("_Exit child %d\n", WEXITSTATUS(status));
	atexit(three);
	printf("returning\n");
	return 6;
}
