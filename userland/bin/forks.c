/*
 * forks: three children, one after another (V6++'s forks). Each child
 * prints its pid and exits with a status of its own; the parent waits for
 * each before making the next, and prints what wait returned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	int i, pid, w, status;

	setbuf(stdout, NULL);	/* as V6++: no buffer for fork to duplicate */
	printf("parent %d\n", getpid());
	for (i = 1; i <= 3; i++) {
		pid = fork();
		if (pid < 0) {
			perror("forks: fork");
			return 1;
		}
		if (pid == 0) {
			printf("child %d: pid %d, parent %d\n", i, getpid(), getppid());
			exit(i);
		}
		w = wait(&status);
		printf("parent: child %d exited with %d (expected pid %d: %s)\n",
			w, WEXITSTATUS(status), pid, w == pid ? "yes" : "no");
	}
	return 0;
}
