/* Multi-dimensional arrays, pointers to arrays, pointer arithmetic and
 * array parameters. */
#include <stdio.h>

static int trace(int m[][4], int n)
{
	int i, t = 0;

	for (i = 0; i < n; i++)
		t += m[i][i];
	return t;
}

int main(void)
{
	int m[4][4], i, j;
	int (*row)[4];
	int *p;
	char grid[3][5] = {"abcd", "efgh", "ijkl"};

	for (i = 0; i < 4; i++)
		for (j = 0; j < 4; j++)
			m[i][j] = i * 4 + j;
	printf("trace %d\n", trace(m, 4));
	row = m + 2;
	printf("row 2: %d %d %d %d\n", (*row)[0], (*row)[1], row[0][2], *(*row + 3));
	p = &m[0][0];
	printf("p[5] %d, *(p + 15) %d, &m[3][3] - p = %d\n", p[5], *(p + 15), (int)(&m[3][3] - p));
	for (i = 0; i < 3; i++)
		printf("%s %c\n", grid[i], grid[i][i]);
	printf("sizes %d %d %d\n", (int)sizeof m, (int)sizeof m[0], (int)sizeof grid);
	return 0;
}
