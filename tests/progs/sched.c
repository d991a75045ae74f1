/*
 * sched.c: two CPU-bound children, one at nice 10, and a parent that
 * sleeps. Each clock tick charges the running process one p_cpu; each
 * second takes 20 off everyone's and recomputes user priorities as
 * p_cpu/16 + 100 + p_nice.
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static void spin(int n)
{
	int i;

	for (i = 0; i < n; i++)
		;
}

int main(void)
{
	int a, b;

	a = fork();
	if (a == 0) {
		spin(300000);
		return 0;
	}
	b = fork();
	if (b == 0) {
		nice(10);
		spin(300000);
		return 0;
	}
	sleep(2);
	wait(0);
	wait(0);
	printf("done\n");
	return 0;
}
