/*
 * fork.c: fork returns twice.
 *
 * One call, two returns: the parent gets the child's pid, the child gets 0.
 * In the kernel, NewProc copies the parent's whole image -- u area, kernel
 * stack, data and stack -- and returns 0 to the parent. When Select first
 * chooses the child, Swtch restores the child's copied kernel stack and
 * executes "return 1" on it: that leaves NewProc in the child, Fork sees 1
 * and writes 0 into the child's saved EAX. Watch it:
 *
 *	go run . run --trace swtch,syscall userland/demo/fork.c
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	int status;
	int pid = fork();

	if (pid == 0) {
		printf("child:  fork returned 0, my pid is %d\n", getpid());
		return 7;
	}
	printf("parent: fork returned %d (the child's pid)\n", pid);
	printf("parent: wait returned %d, exit status %d\n", wait(&status), WEXITSTATUS(status));
	return 0;
}
