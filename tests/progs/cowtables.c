/*
 * cowtables.c: copy-on-write fork shares the parent's page tables whole
 * (run with --cow; without it, fork copies and the output is the same).
 * 5 MiB of data reach into the second page table, where the stack is. A
 * grandchild writes through both tables while three processes share them;
 * a child grows its data (brk) and its stack while sharing; a child exits
 * before anyone writes; and when the data is given back, free memory is
 * what it was before it was taken.
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int cowstat(unsigned *stats);	/* shared, copied, free bytes */

#define MB (1 << 20)
#define LOW (3 * 4096)		/* a page mapped by the first table */
#define HIGH (4 * MB + 10 * 4096)	/* and one by the second */

static int deep(int n)
{
	char pad[256];

	pad[0] = (char)n;
	return n == 0 ? 0 : 1 + deep(n - 1) + pad[0] - (char)n;
}

int main(void)
{
	unsigned before[3], after[3];
	char *big, *more;
	int i, pid;

	cowstat(before);
	big = sbrk(5 * MB);
	if (big == (char *)-1)
		return 2;
	for (i = 0; i < 5 * MB; i += 4096)
		big[i] = (char)(i >> 12 & 0x7f);

	pid = fork();
	if (pid == 0) {
		if (fork() == 0) {
			big[HIGH] = 99;
			big[LOW] = 98;
			printf("grandchild: %d %d\n", big[HIGH], big[LOW]);
			_exit(0);
		}
		wait(0);
		printf("child after the grandchild: %d %d\n", big[HIGH], big[LOW]);
		more = sbrk(64 * 1024);
		more[0] = 5;
		more[64 * 1024 - 1] = 6;
		printf("child grew its data: %d %d, and its stack %d deep\n",
		       more[0], more[64 * 1024 - 1], deep(200));
		_exit(0);
	}
	wait(0);
	printf("parent: %d %d\n", big[HIGH], big[LOW]);

	if (fork() == 0)
		_exit(0);	/* gone before anyone writes */
	wait(0);
	big[HIGH] = 7;
	printf("parent wrote: %d\n", big[HIGH]);

	sbrk(-5 * MB);
	cowstat(after);
	printf("free memory back to where it was: %s\n", after[2] == before[2] ? "yes" : "NO");
	return 0;
}
