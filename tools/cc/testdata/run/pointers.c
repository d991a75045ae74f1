#include <stdio.h>
#include <string.h>

int grid[3][4];
char *words[] = {"alpha", "beta", "gamma", 0};
char greeting[] = "hi" " there";
int *gp = &grid[1][2];
char *tail = greeting + 3;

void fill(int (*g)[4], int rows)
{
	int i, j;
	for (i = 0; i < rows; i++)
		for (j = 0; j < 4; j++)
			g[i][j] = i * 10 + j;
}

void swap(int *x, int *y)
{
	int t = *x;
	*x = *y;
	*y = t;
}

int main(void)
{
	int a[5] = {5, 4, 3, 2, 1};
	int *p = a, *q = &a[4];
	char buf[32];
	char **w;
	int i;

	fill(grid, 3);
	printf("%d %d %d\n", grid[2][3], *gp, *(*(grid + 1) + 1));
	printf("%d %d %d\n", *p, *(p + 2), q - p);
	p += 2;
	printf("%d %d %d\n", *p, p[-1], p[1]);
	printf("%d ", *p++);
	printf("%d\n", *p);
	printf("%d\n", *--p);
	swap(&a[0], &a[4]);
	for (i = 0; i < 5; i++)
		printf("%d ", a[i]);
	printf("\n");
	for (w = words; *w; w++)
		printf("%s:%d ", *w, strlen(*w));
	printf("\n");
	printf("%s|%s|%c\n", greeting, tail, "xyz"[1]);
	strcpy(buf, "copy");
	buf[0] = 'C';
	printf("%s %d %d\n", buf, strcmp(buf, "Copy"), strcmp("a", "b") < 0);
	printf("%d %d\n", sizeof a, sizeof a / sizeof a[0]);
	printf("%d\n", p == &a[2] && p != q && p < q && q >= p);
	printf("%d\n", 2[a]);
	{
		char s[] = "tab\there\n";
		char t[10] = {'o', 'k'};
		printf("%s%s %d\n", s, t, sizeof s);
	}
	{
		int m[2][3] = {{1, 2, 3}, {4, 5, 6}};
		int (*row)[3] = m + 1;
		printf("%d %d\n", (*row)[2], sizeof m);
	}
	return 0;
}
