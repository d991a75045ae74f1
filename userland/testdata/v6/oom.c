/*
 * Allocating until memory runs out gives NULL with ENOMEM, not a crash;
 * after freeing everything the same total fits again (nothing leaked,
 * the free list coalesced back into big blocks).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static char *blk[4096];

int main(void)
{
	int n, m, i;
	char *big;

	for (n = 0; n < 4096; n++) {
		blk[n] = malloc(64 * 1024);
		if (blk[n] == NULL)
			break;
		blk[n][0] = blk[n][65535] = n;
	}
	printf("ran out: %d, errno ENOMEM %d\n", n > 10 && n < 4096, errno == ENOMEM);
	for (i = 0; i < n; i++)
		if (blk[i][0] != (char)i || blk[i][65535] != (char)i)
			printf("block %d damaged\n", i);
	for (i = 0; i < n; i += 2)
		free(blk[i]);
	for (i = 1; i < n; i += 2)
		free(blk[i]);
	big = malloc((n - 1) * 64 * 1024);
	printf("one block of it all: %d\n", big != NULL);
	free(big);
	for (m = 0; m < 4096; m++)
		if ((blk[m] = malloc(64 * 1024)) == NULL)
			break;
	printf("again: %d\n", m >= n - 2);
	return 0;
}
