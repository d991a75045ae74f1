#include <stdio.h>

typedef int (*cmp_fn)(const void *, const void *);

static void swap_bytes(char *a, char *b, int size)
{
	while (size-- > 0) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/* A generic quicksort, as students write it. */
void qsort_(void *base, int n, int size, cmp_fn cmp)
{
	char *b = base;
	int i, last = 0;
	if (n < 2)
		return;
	swap_bytes(b, b + (n / 2) * size, size);
	for (i = 1; i < n; i++)
		if (cmp(b + i * size, b) < 0)
			swap_bytes(b + ++last * size, b + i * size, size);
	swap_bytes(b, b + last * size, size);
	qsort_(b, last, size, cmp);
	qsort_(b + (last + 1) * size, n - last - 1, size, cmp);
}

int by_value(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

struct person {
	char name[8];
	int age;
};

int by_age(const void *a, const void *b)
{
	const struct person *p = a, *q = b;
	return p->age - q->age;
}

int main(void)
{
	int v[] = {9, -3, 7, 7, 0, 12, -8, 5, 1};
	struct person people[] = {{"cy", 40}, {"ann", 31}, {"bob", 25}, {"dee", 33}};
	int n = sizeof v / sizeof v[0], i;

	qsort_(v, n, sizeof v[0], by_value);
	for (i = 0; i < n; i++)
		printf("%d ", v[i]);
	printf("\n");
	qsort_(people, 4, sizeof(struct person), by_age);
	for (i = 0; i < 4; i++)
		printf("%s:%d ", people[i].name, people[i].age);
	printf("\n");
	return 0;
}
