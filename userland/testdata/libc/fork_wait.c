/* fork, exit statuses through wait and waitpid, and the W* macros. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	pid_t pid, w;
	int status, i;

	setbuf(stdout, NULL);	/* unbuffered on Linux too: no output duplicated by fork */
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		printf("fork failed\n");
		return 1;
	}
	if (pid == 0) {
		printf("child: parent is me %d\n", getppid() > 0);
		exit(7);
	}
	w = wait(&status);
	printf("parent: waited right child %d, exited %d, status %d, signaled %d\n",
		w == pid, WIFEXITED(status), WEXITSTATUS(status), WIFSIGNALED(status));
	for (i = 0; i < 4; i++) {
		pid = fork();
		if (pid == 0)
			_exit(i * 10 + 1);
		w = waitpid(pid, &status, 0);
		printf("child %d: right %d exit %d\n", i, w == pid, WEXITSTATUS(status));
	}
	w = wait(&status);
	printf("no more children: %d\n", w);
	pid = fork();
	if (pid == 0)
		return 255;	/* from main: exit(255) */
	wait(&status);
	printf("return 255 -> %d\n", WEXITSTATUS(status));
	pid = fork();
	if (pid == 0)
		exit(256 + 3);	/* only the low byte is kept */
	wait(NULL);	/* a NULL status pointer is fine */
	printf("wait(NULL) ok\n");
	return 0;
}
