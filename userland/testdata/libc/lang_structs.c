/* Structs passed and returned by value, arrays of structs, nested
 * initialisers, designated initialisers, struct assignment. */
#include <stdio.h>

struct point {
	int x, y;
};

struct rect {
	struct point min, max;
	char name[8];
};

static struct point add(struct point a, struct point b)
{
	struct point r;

	r.x = a.x + b.x;
	r.y = a.y + b.y;
	return r;
}

static int area(struct rect r)
{
	r.max.x -= r.min.x;	/* a copy: the caller's is untouched */
	return r.max.x * (r.max.y - r.min.y);
}

int main(void)
{
	struct rect rs[3] = {
		{{0, 0}, {2, 3}, "a"},
		{.name = "b", .max = {.x = 5, .y = 5}, .min = {1, 1}},
		[2] = {{-1, -1}, {1, 1}, "c"},
	};
	struct point p = {1, 2}, q;
	int i;

	for (i = 0; i < 3; i++)
		printf("%s: area %d, min.x still %d\n", rs[i].name, area(rs[i]), rs[i].min.x);
	q = add(p, add(p, p));
	printf("q = (%d, %d)\n", q.x, q.y);
	rs[0] = rs[1];
	printf("rs[0] = %s (%d,%d)-(%d,%d)\n", rs[0].name, rs[0].min.x, rs[0].min.y, rs[0].max.x, rs[0].max.y);
	printf("sizes %d %d\n", (int)sizeof(struct point), (int)sizeof(struct rect));
	return 0;
}
