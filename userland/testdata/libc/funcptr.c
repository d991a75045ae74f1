/* Function pointers in tables, callbacks through qsort and atexit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (*binop)(int, int);

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int max(int a, int b) { return a > b ? a : b; }

static struct {
	const char *name;
	binop fn;
} ops[] = {{"add", add}, {"sub", sub}, {"mul", mul}, {"max", max}};

static int fold(binop f, const int *v, int n, int acc)
{
	while (n-- > 0)
		acc = f(acc, *v++);
	return acc;
}

static int cmpname(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void bye(void)
{
	printf("bye\n");
}

int main(void)
{
	int v[] = {3, -1, 4, -1, 5, 9, -2, 6};
	const char *names[4];
	int i;

	for (i = 0; i < 4; i++) {
		printf("%s: %d\n", ops[i].name, fold(ops[i].fn, v, 8, i == 2 ? 1 : 0));
		names[i] = ops[i].name;
	}
	qsort(names, 4, sizeof names[0], cmpname);
	for (i = 0; i < 4; i++)
		printf("%s ", names[i]);
	printf("\n");
	printf("%d\n", (*ops[3].fn)(ops[0].fn(2, 3), ops[2].fn(2, 2)));
	atexit(bye);
	return 0;
}
