/*
 * Thousands of random allocations and frees of random sizes; every block
 * is filled with a pattern of its own and checked before it is freed, so
 * overlapping blocks or a corrupt free list show up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 200
#define ROUNDS 6000

static unsigned char *blk[SLOTS];
static int len[SLOTS];
static int tag[SLOTS];

static int check(int i)
{
	int j;

	for (j = 0; j < len[i]; j++)
		if (blk[i][j] != (unsigned char)(tag[i] + j))
			return 0;
	return 1;
}

static void fill(int i)
{
	int j;

	for (j = 0; j < len[i]; j++)
		blk[i][j] = tag[i] + j;
}

int main(void)
{
	int r, i, n, bad = 0, allocs = 0, frees = 0, reallocs = 0, total = 0;

	srand(2024);
	for (r = 0; r < ROUNDS; r++) {
		i = rand() % SLOTS;
		if (blk[i] == NULL) {
			/* mostly small, sometimes a few KiB */
			n = rand() % 8 == 0 ? rand() % 5000 : rand() % 64;
			blk[i] = malloc(n);
			if (blk[i] == NULL) {
				printf("malloc(%d) failed\n", n);
				return 1;
			}
			len[i] = n;
			tag[i] = rand();
			fill(i);
			allocs++;
			total += n;
		} else if (rand() % 4 == 0) {
			if (!check(i))
				bad++;
			n = rand() % 3000;
			blk[i] = realloc(blk[i], n);
			if (n < len[i])
				len[i] = n;
			if (blk[i] == NULL && n > 0) {
				printf("realloc failed\n");
				return 1;
			}
			if (!check(i))	/* the kept prefix survived */
				bad++;
			len[i] = n;
			fill(i);
			reallocs++;
		} else {
			if (!check(i))
				bad++;
			free(blk[i]);
			blk[i] = NULL;
			frees++;
		}
	}
	for (i = 0; i < SLOTS; i++)
		if (blk[i]) {
			if (!check(i))
				bad++;
			free(blk[i]);
		}
	printf("allocs %d frees %d reallocs %d bytes %d bad %d\n", allocs, frees, reallocs, total, bad);
	return bad != 0;
}
