/* abs and labs, div-free arithmetic helpers. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	int v[] = {0, 1, -1, 12345, -12345, INT_MAX, INT_MIN + 1};
	int i;

	for (i = 0; i < 7; i++)
		printf("abs(%d) = %d, labs = %ld\n", v[i], abs(v[i]), labs((long)v[i]));
	return 0;
}
