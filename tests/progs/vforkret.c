/*
 * vforkret.c: a vfork child that returns from main -- undefined behaviour
 * on every Unix. The child returns from victim() and from main() into
 * crt0, which calls exit(0) on the shared stack: exit's frames, and those
 * of the functions it calls, are written over the words where main's and
 * victim's frames were. The parent wakes in vfork (its return address was
 * safe in ECX), is back in victim() with its own registers, and prints.
 * Its printf runs below victim's frame and works. But victim's return
 * reads its saved EBP and return address from words the child's exit path
 * overwrote -- here a 0 -- so the parent jumps to address 0 and dies of
 * SIGSEGV. Only that process: its own parent reports how it ended, and the
 * system goes on.
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static int victim(void)
{
	if (vfork() == 0)
		return 0;	/* the child returns from victim(), then from main */
	printf("victim: the parent came back\n");
	return 1;
}

int main(int argc, char **argv)
{
	int status, pid;

	if (argc > 1)
		return victim();	/* run as a child: victim's return is main's */
	pid = fork();
	if (pid == 0) {
		char *args[] = {argv[0], "victim", 0};
		execve(argv[0], args, 0);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("the vfork parent was killed by signal %d\n", WTERMSIG(status));
	else
		printf("the vfork parent exited with status %d\n", WEXITSTATUS(status));
	while (wait(0) > 0)
		;
	printf("the system goes on\n");
	return 0;
}
