/*
 * cowfuzz.c: random forks, writes, brk moves and exits, each process
 * checking that it sees exactly what it wrote itself or inherited, under
 * copy-on-write fork (page tables shared whole, then pages) and V6++'s
 * copying fork alike. 6 MiB of data span both user page tables. Every
 * process keeps a model of its memory (one byte per page) and compares; a
 * fork that fails for want of memory is only counted. At the end every
 * process has been waited for and the data given back, so free memory must
 * be what it was.
 * Usage: cowfuzz SEED
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/procinfo.h>

#define PAGES 1536		/* 6 MiB */
#define EXTRA 64		/* pages brk may add */

static unsigned seed;
static unsigned char model[PAGES + EXTRA];
static char *mem;
static int npages = PAGES;

static unsigned rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 16;
}

/* check returns the number of pages that differ from the model. */
static int check(const char *who)
{
	int i, bad = 0;

	for (i = 0; i < npages; i++)
		if ((unsigned char)mem[i * 4096] != model[i] && bad++ < 3)
			printf("%s %d: page %d holds %d, not %d\n", who, getpid(), i,
			       (unsigned char)mem[i * 4096], model[i]);
	return bad;
}

/* life runs a process for a while: writes, brk moves, checks, forks of
 * children that do the same (to depth 3), some waited for at once, the
 * rest at the end. It returns the number of errors seen, its children's
 * included. */
static int life(int depth)
{
	int step, i, status, errors = 0;

	for (step = 0; step < 12; step++) {
		switch (rnd() % 5) {
		case 0: case 1:	/* write a few pages */
			for (i = rnd() % 8; i >= 0; i--) {
				int p = rnd() % npages;
				model[p] = (unsigned char)rnd();
				mem[p * 4096] = (char)model[p];
			}
			break;
		case 2:	/* move the break */
			if (npages < PAGES + EXTRA && rnd() % 2) {
				int n = 1 + rnd() % 8;
				if (npages + n > PAGES + EXTRA)
					n = PAGES + EXTRA - npages;
				if (sbrk(n * 4096) == (void *)-1)
					break;	/* no memory: fine */
				for (i = npages; i < npages + n; i++)
					model[i] = 0;
				npages += n;
			} else if (npages > PAGES) {
				int n = 1 + rnd() % (npages - PAGES);
				sbrk(-n * 4096);
				npages -= n;
			}
			break;
		case 3:	/* a child */
			if (depth < 3) {
				int pid = fork();
				if (pid == 0) {
					seed += 7919;
					_exit(check("child") + life(depth + 1) ? 1 : 0);
				}
				if (pid > 0 && rnd() % 2) {
					waitpid(pid, &status, 0);
					errors += WEXITSTATUS(status);
				}
			}
			break;
		case 4:
			errors += check("check");
			break;
		}
	}
	while (wait(&status) > 0)
		errors += WEXITSTATUS(status);
	return errors + check("end");
}

int main(int argc, char **argv)
{
	unsigned before[3], after[3];
	int i, errors, n = argc > 1 ? atoi(argv[1]) : 1;

	seed = n;
	cowstat(before);
	/* Page-aligned, so that shrinking gives whole pages back and growing
	 * again brings zeroed ones (the rest of a page the break is in keeps
	 * its bytes). */
	sbrk(4096 - ((unsigned)sbrk(0) & 4095));
	mem = sbrk(PAGES * 4096);
	if (mem == (char *)-1)
		return 2;
	for (i = 0; i < PAGES; i++)
		mem[i * 4096] = (char)(model[i] = (unsigned char)i);
	errors = life(0);
	sbrk(-npages * 4096);
	cowstat(after);
	printf("seed %d: %d errors, memory back: %s\n", n, errors, after[2] == before[2] ? "yes" : "NO");
	return errors != 0;
}
