/* fork returns twice: 0 in the child, the child's pid in the parent. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	int status;
	int pid = fork();

	if (pid < 0) {
		printf("fork failed\n");
		return 1;
	}
	if (pid == 0) {
		printf("child: fork() = %d, getpid() = %d, getppid() = %d\n", pid, getpid(), getppid());
		return 7;
	}
	printf("parent: fork() = %d, getpid() = %d\n", pid, getpid());
	int w = wait(&status);
	printf("parent: wait() = %d, exited %d with status %d\n", w, WIFEXITED(status), WEXITSTATUS(status));
	return w == pid ? 0 : 1;
}
