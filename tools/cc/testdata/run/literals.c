#include <stdio.h>

/* Compound literals (C99 6.5.2.5). */
struct point { int x, y; };

int *file_scope = (int[]){10, 20, 30};
struct point *corner = &(struct point){.y = 9};

int sum(const int *v, int n)
{
	int s = 0;
	while (n-- > 0)
		s += *v++;
	return s;
}

int dist(struct point p) { return p.x * p.x + p.y * p.y; }

int main(void)
{
	struct point p = (struct point){3, 4};
	int *q = (int[4]){1, 2};
	char *s = (char[]){"literal"};
	int i;

	printf("%d %d\n", p.x, dist((struct point){.x = 5, .y = 12}));
	printf("%d %d %d\n", sum((int[]){1, 2, 3, 4}, 4), q[1], q[3]);
	printf("%s %d %d\n", s, file_scope[2], corner->y);
	for (i = 0; i < 3; i++) {
		int *fresh = &(int){i * 10};
		*fresh += 1;
		printf("%d ", *fresh);
	}
	printf("\n%d\n", (int){7} + (struct point){1, 2}.y);
	return 0;
}
