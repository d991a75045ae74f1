/* qsort on structs (odd sizes) and on strings, with total orders. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
	char name[11];	/* an odd element size, 15 bytes with pad? no: chars only */
	char grade;
	short id;
};

static int byname(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : x->id - y->id;
}

static int bygrade(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;

	if (x->grade != y->grade)
		return x->grade - y->grade;
	return y->id - x->id;
}

static int bystr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct odd {
	char c[3];
};

static int byodd(const void *a, const void *b)
{
	return memcmp(a, b, 3);
}

int main(void)
{
	struct rec r[] = {
		{"lin", 'B', 4}, {"wang", 'A', 1}, {"zhang", 'C', 7}, {"li", 'A', 3},
		{"wang", 'B', 2}, {"chen", 'C', 9}, {"liu", 'A', 5}, {"zhao", 'D', 8},
	};
	char *words[] = {"pear", "apple", "fig", "banana", "cherry", "date", "apricot", "kiwi", "fig2"};
	struct odd o[] = {{"zab"}, {"abc"}, {"mmm"}, {"abd"}, {"aaa"}};
	int i;

	qsort(r, 8, sizeof r[0], byname);
	for (i = 0; i < 8; i++)
		printf("%s/%c/%d ", r[i].name, r[i].grade, r[i].id);
	printf("\n");
	qsort(r, 8, sizeof r[0], bygrade);
	for (i = 0; i < 8; i++)
		printf("%s/%c/%d ", r[i].name, r[i].grade, r[i].id);
	printf("\n");
	qsort(words, 9, sizeof words[0], bystr);
	for (i = 0; i < 9; i++)
		printf("%s ", words[i]);
	printf("\n");
	qsort(o, 5, sizeof o[0], byodd);
	for (i = 0; i < 5; i++)
		printf("%.3s ", o[i].c);
	printf("\n");
	return 0;
}
