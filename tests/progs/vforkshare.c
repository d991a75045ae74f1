/*
 * vforkshare.c: after vfork the child's writes are the parent's; after fork
 * they are not. The parent does not run until the vfork child exits.
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int counter;

int main(void)
{
	int pid, status;

	counter = 0;
	pid = fork();
	if (pid == 0) {
		counter++;
		_exit(0);
	}
	wait(&status);
	printf("after fork:  counter = %d (the child incremented its own copy)\n", counter);

	pid = vfork();
	if (pid == 0) {
		counter++;
		printf("vfork child: counter = %d, parent still asleep\n", counter);
		_exit(0);
	}
	printf("after vfork: counter = %d (the child incremented the parent's)\n", counter);
	printf("wait = %s\n", wait(&status) == pid ? "the vfork child" : "?");
	return 0;
}
