/*
 * faults.c: each child faults in its own way and is killed by the signal
 * that fault raises, while a sibling computes on undisturbed.
 */
#include <stdio.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static int zero;
static unsigned char ud2[] = {0xA5};	/* v6vm's ud2: #UD */
static unsigned char cli[] = {0xA2};	/* cli: privileged, #GP in user mode */
static unsigned char junk[] = {0xFF};	/* an unassigned opcode: #UD */

static int recurse(int n)
{
	char pad[256];

	pad[0] = n;
	return recurse(n + 1) + pad[0];
}

static void run(const char *what, int kind)
{
	int status, pid = fork();

	if (pid == 0) {
		switch (kind) {
		case 0: *(volatile int *)0 = 1; break;			/* null pointer */
		case 1: *(volatile int *)0xC0000000 = 1; break;	/* kernel memory */
		case 2: *(volatile char *)run = 0; break;		/* write to text */
		case 3: printf("%d\n", 1 / zero); break;		/* divide by zero */
		case 4: ((void (*)(void))ud2)(); break;
		case 5: ((void (*)(void))cli)(); break;
		case 6: ((void (*)(void))junk)(); break;
		case 7: recurse(0); break;				/* stack overflow */
		}
		_exit(0);
	}
	wait(&status);
	printf("%-16s killed by signal %d\n", what, WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

int main(void)
{
	int sibling = fork(), status;

	if (sibling == 0) {
		int i, sum = 0;
		for (i = 0; i < 200000; i++)
			sum += i & 7;
		_exit(sum == 700000 ? 0 : 1);
	}
	run("null pointer", 0);
	run("kernel memory", 1);
	run("write to text", 2);
	run("divide by zero", 3);
	run("ud2", 4);
	run("cli", 5);
	run("bad opcode", 6);
	run("stack overflow", 7);
	waitpid(sibling, &status, 0);
	printf("sibling finished its sum: %s\n", WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "right" : "wrong");
	return 0;
}
