/* printf %d and %i: signs, widths, precision, flags, the extremes. */
#include <stdio.h>
#include <limits.h>

int main(void)
{
	int v[] = {0, 1, -1, 7, -7, 42, -42, 1000, -99999, 123456789, INT_MAX, INT_MIN};
	int i, n;

	for (i = 0; i < (int)(sizeof v / sizeof v[0]); i++) {
		printf("[%d] [%i] [%5d] [%-5d] [%05d] [%+d] [% d]\n", v[i], v[i], v[i], v[i], v[i], v[i], v[i]);
		printf("[%.3d] [%8.3d] [%-8.3d] [%08.3d] [%+.0d] [%.0d] [% 012d]\n", v[i], v[i], v[i], v[i], v[i], v[i], v[i]);
		printf("[%*d] [%-*d] [%.*d] [%*.*d]\n", 6, v[i], 6, v[i], 4, v[i], 9, 5, v[i]);
	}
	printf("[%*d] [%.*d]\n", -6, 12, -3, 5);	/* negative width and precision */
	n = printf("%d%d%d\n", 1, 22, 333);
	printf("returned %d\n", n);
	printf("%ld %li %lu %hd %hhd\n", 123456L, -5L, 77UL, 12, 3);
	printf("%d%%\n", 50);
	return 0;
}
