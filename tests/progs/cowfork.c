/*
 * cowfork.c: copy-on-write fork (run with --cow). fork shares the parent's
 * pages; each side's first write to a page copies it for the writer, so
 * both still see their own values, as with V6++'s copying fork. A fork of
 * a fork shares further; a child that exits before writing copies
 * nothing; exec gives the pages back; and when all are gone, free memory
 * is what it was.
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int cowstat(unsigned *stats);	/* shared, copied, free bytes */

int value = 1;
char big[64 * 1024];		/* 16 pages nobody writes after the fork */

int main(int argc, char **argv)
{
	unsigned before[3], after[3], s[3];
	int pid, status;

	if (argc > 1)
		return 5;	/* the exec case's new program */
	big[0] = 1;
	cowstat(before);

	pid = fork();
	if (pid == 0) {
		value = 2;	/* the child's write copies one page */
		if (fork() == 0) {
			value += 10;	/* the grandchild's copies again */
			printf("grandchild: value %d\n", value);
			_exit(0);
		}
		wait(0);
		printf("child: value %d\n", value);
		_exit(0);
	}
	wait(&status);
	printf("parent: value %d (its own page, untouched)\n", value);

	pid = fork();
	if (pid == 0)
		_exit(0);	/* exits before anyone writes: nothing copied */
	wait(0);
	value = 3;		/* the parent's page again its own: no copy */

	pid = fork();
	if (pid == 0) {
		char *args[] = {argv[0], "exec", 0};
		execve(argv[0], args, 0);
		_exit(127);
	}
	wait(&status);
	printf("exec'd child exited %d\n", WEXITSTATUS(status));

	cowstat(after);
	printf("pages shared by the forks: %s; copied on write: %s\n",
	       after[0] - before[0] > 40 ? "dozens" : "few",
	       after[1] - before[1] == 0 ? "none" : after[1] - before[1] < 20 ? "a few" : "many");
	printf("free memory back to where it was: %s\n", after[2] == before[2] ? "yes" : "NO");
	(void)s;
	return 0;
}
