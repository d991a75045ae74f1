/*
 * sleeper.c: sleep(3) returns when the clock has counted three seconds
 * (HZ ticks each); meanwhile nothing is runnable and Select halts the CPU.
 */
#include <stdio.h>
#include <unistd.h>
#include <time.h>

int main(void)
{
	time_t t0 = time(0);

	sleep(3);
	printf("slept %d seconds\n", (int)(time(0) - t0));
	return 0;
}
