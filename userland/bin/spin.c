/*
 * spin: use the processor until interrupted (^C), or for N million
 * iterations. A CPU-bound process for scheduler demos: watch its p_cpu
 * grow and its p_pri fall behind with ps or --trace clock.
 */
#include <stdlib.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) * 1000000 : -1;
	volatile long i;

	for (i = 0; n < 0 || i < n; i++)
		;
	return 0;
}
