/* bsearch finds every present key and none of the absent ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmpint(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int cmpstr(const void *k, const void *e)
{
	return strcmp(k, *(char *const *)e);
}

int main(void)
{
	int a[100], i, key, found = 0, missed = 0;
	int *p;
	char *names[] = {"cat", "chmod", "cp", "echo", "ls", "mkdir", "rm", "sh"};
	char **q;

	for (i = 0; i < 100; i++)
		a[i] = i * 3;
	for (key = -5; key < 310; key++) {
		p = bsearch(&key, a, 100, sizeof a[0], cmpint);
		if (p) {
			found++;
			if (*p != key || key % 3 != 0)
				printf("wrong hit for %d\n", key);
		} else {
			missed++;
			if (key % 3 == 0 && key >= 0 && key < 300)
				printf("missed %d\n", key);
		}
	}
	printf("found %d missed %d\n", found, missed);
	key = 1;
	printf("empty: %d\n", bsearch(&key, a, 0, sizeof a[0], cmpint) == NULL);
	q = bsearch("ls", names, 8, sizeof names[0], cmpstr);
	printf("ls at %d\n", q ? (int)(q - names) : -1);
	q = bsearch("vi", names, 8, sizeof names[0], cmpstr);
	printf("vi at %d\n", q ? (int)(q - names) : -1);
	return 0;
}
