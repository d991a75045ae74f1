/* rand reproduces glibc's sequence for the same seed. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	unsigned seeds[] = {1, 0, 2, 42, 12345, 0x7FFFFFFF, 0x80000000u, 0xFFFFFFFFu};
	int i, s, sum;

	/* without srand: seed 1 */
	for (i = 0; i < 5; i++)
		printf("%d ", rand());
	printf("\n");
	for (s = 0; s < 8; s++) {
		srand(seeds[s]);
		printf("seed %u:", seeds[s]);
		for (i = 0; i < 6; i++)
			printf(" %d", rand());
		sum = 0;
		for (i = 0; i < 1000; i++)
			sum += rand() % 1000;
		printf(" sum %d\n", sum);
	}
	printf("RAND_MAX %d\n", RAND_MAX);
	return 0;
}
