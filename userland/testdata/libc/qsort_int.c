/* qsort on ints of many sizes and orders; every result is checked. */
#include <stdio.h>
#include <stdlib.h>

static int cmpint(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int cmprev(const void *a, const void *b)
{
	return cmpint(b, a);
}

static int a[600];

int main(void)
{
	int sizes[] = {0, 1, 2, 3, 5, 10, 31, 100, 257, 600};
	int s, i, n, bad, sum;

	srand(7);
	for (s = 0; s < 10; s++) {
		n = sizes[s];
		for (i = 0; i < n; i++)
			a[i] = rand() % 1000 - 500;	/* with duplicates */
		qsort(a, n, sizeof a[0], cmpint);
		bad = 0;
		sum = 0;
		for (i = 1; i < n; i++)
			if (a[i - 1] > a[i])
				bad++;
		for (i = 0; i < n; i++)
			sum += a[i] * (i + 1);
		printf("n=%d bad=%d weighted sum=%d", n, bad, sum);
		if (n > 0)
			printf(" min=%d max=%d", a[0], a[n - 1]);
		printf("\n");
		qsort(a, n, sizeof a[0], cmprev);
		for (i = 1; i < n; i++)
			if (a[i - 1] < a[i])
				bad++;
		printf("  reversed bad=%d\n", bad);
		qsort(a, n, sizeof a[0], cmpint);	/* already sorted input */
		for (i = 1; i < n; i++)
			if (a[i - 1] > a[i])
				bad++;
		printf("  resorted bad=%d\n", bad);
	}
	for (i = 0; i < 20; i++)
		a[i] = (i * 7919) % 23;
	qsort(a, 20, sizeof a[0], cmpint);
	for (i = 0; i < 20; i++)
		printf("%d ", a[i]);
	printf("\n");
	return 0;
}
