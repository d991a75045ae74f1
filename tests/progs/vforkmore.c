/*
 * vforkmore.c: vfork semantics. exec in the child leaves the parent's
 * memory as it was; nested vfork shares one address space three deep; vfork
 * fails with EAGAIN when the process table is full; a vfork child that
 * returns from main (undefined behaviour on every Unix) kills only its
 * parent, by trampling the shared stack, and the system goes on.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <sys/wait.h>

int shared = 100;
char message[32] = "untouched";

static void exec_case(char *self)
{
	char *args[] = {self, "exec-child", 0};
	int pid, status;

	pid = vfork();
	if (pid == 0) {
		execve(self, args, 0);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	printf("exec: the parent's memory after the child exec'd: shared %d, message %s; child status %d\n",
	       shared, message, WEXITSTATUS(status));
}

static void nested_case(void)
{
	int pid, status;

	shared = 0;
	pid = vfork();
	if (pid == 0) {
		if (vfork() == 0) {
			shared += 10;	/* the grandchild: same memory again */
			_exit(0);
		}
		shared += 1;		/* the child runs once the grandchild is gone */
		_exit(0);
	}
	waitpid(pid, &status, 0);
	wait(0);		/* the grandchild was reparented to init or is ours? reap if ours */
	printf("nested: shared = %d (grandchild +10, then child +1)\n", shared);
}

static void full_case(void)
{
	int n = 0, pid;

	for (;;) {
		pid = fork();
		if (pid == 0) {
			sleep(1);
			_exit(0);
		}
		if (pid < 0)
			break;
		n++;
	}
	pid = vfork();
	printf("full table: vfork = %d, %s\n", pid, pid < 0 && errno == EAGAIN ? "EAGAIN" : "unexpected");
	if (pid == 0)
		_exit(0);
	while (wait(0) > 0)
		;
}

int main(int argc, char **argv)
{
	if (argc > 1) {		/* the program the exec case runs */
		strcpy(message, "overwritten by the new program");
		shared = -1;
		return 9;
	}
	exec_case(argv[0]);
	nested_case();
	full_case();
	printf("still running\n");
	return 0;
}
