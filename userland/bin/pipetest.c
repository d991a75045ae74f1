/*
 * pipetest: a pipe between parent and child (V6++'s test program).
 *
 * The child writes lines into the pipe and exits; the parent reads until
 * end of file, which comes only when every write end is closed -- so each
 * side first closes the end it does not use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	char buf[64];
	int fd[2], pid, i, n, total, status;

	setbuf(stdout, NULL);	/* as V6++: no buffer for fork to duplicate */
	if (pipe(fd) < 0) {
		perror("pipetest: pipe");
		return 1;
	}
	pid = fork();
	if (pid < 0) {
		perror("pipetest: fork");
		return 1;
	}
	if (pid == 0) {
		close(fd[0]);
		for (i = 1; i <= 3; i++) {
			n = sprintf(buf, "message %d from child %d\n", i, getpid());
			write(fd[1], buf, n);
		}
		close(fd[1]);
		exit(0);
	}
	close(fd[1]);
	total = 0;
	while ((n = read(fd[0], buf, sizeof buf)) > 0) {
		write(1, buf, n);
		total += n;
	}
	close(fd[0]);
	wait(&status);
	printf("parent %d: read %d bytes, then end of file\n", getpid(), total);
	return 0;
}
