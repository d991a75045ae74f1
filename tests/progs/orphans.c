/*
 * orphans.c: zombies and orphans. A child that exits before its parent
 * waits stays a zombie until the wait; a parent that waits first sleeps
 * until the child exits; a grandchild whose parent exits is given to init
 * (pid 1), which reaps it.
 */
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <sys/wait.h>

int main(void)
{
	int c1, c2, c3, w, status;

	c1 = fork();
	if (c1 == 0)
		_exit(1);		/* exits at once: a zombie until waited for */
	sleep(1);
	w = wait(&status);
	printf("early child: wait = %s, status %d\n", w == c1 ? "c1" : "?", WEXITSTATUS(status));

	c2 = fork();
	if (c2 == 0) {
		sleep(1);		/* the parent is already waiting */
		_exit(2);
	}
	w = wait(&status);
	printf("late child: wait = %s, status %d\n", w == c2 ? "c2" : "?", WEXITSTATUS(status));

	c3 = fork();
	if (c3 == 0) {
		if (fork() == 0) {
			sleep(1);	/* by now its parent is gone */
			printf("grandchild: parent is now %d\n", getppid());
			_exit(4);
		}
		_exit(3);
	}
	w = wait(&status);
	printf("middle child: wait = %s, status %d\n", w == c3 ? "c3" : "?", WEXITSTATUS(status));
	w = wait(&status);
	printf("no more children: wait = %d, errno %s\n", w, errno == ECHILD ? "ECHILD" : "?");
	sleep(2);			/* let init reap the grandchild */
	return 0;
}
