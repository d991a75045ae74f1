/*
 * execvp and execlp search "/" and then "/bin" for a name without a
 * slash (TestExecvpSearch puts pathprog in /bin and /rootprog at the root).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	char *argv[] = {"pathprog", "via", "execvp", NULL};
	int status;

	if (fork() == 0) {
		execvp("pathprog", argv);
		printf("execvp failed\n");
		_exit(1);
	}
	wait(&status);
	if (fork() == 0) {
		execlp("rootprog", "rootprog", "via", "execlp", (char *)0);
		printf("execlp failed\n");
		_exit(1);
	}
	wait(&status);
	errno = 0;
	execvp("nowhere", argv);
	printf("nowhere: %s\n", strerror(errno));
	return 0;
}
