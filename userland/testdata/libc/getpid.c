/* getpid and getppid across fork. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int me = getpid(), parent = getppid(), pid, status;

	setbuf(stdout, NULL);
	printf("pid positive %d, differs from parent %d\n", me > 0, me != parent);
	pid = fork();
	if (pid == 0) {
		printf("child: ppid is parent %d, pid new %d\n", getppid() == me, getpid() != me);
		_exit(getpid() == me);
	}
	waitpid(pid, &status, 0);
	printf("fork returned the child's pid %d, status %d\n", pid > 0 && pid != me, WEXITSTATUS(status));
	printf("still me %d\n", getpid() == me);
	return 0;
}
