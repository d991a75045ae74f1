#include <stdio.h>

typedef struct point {
	int x, y;
} Point;

struct rect {
	Point min, max;
	char name[8];
};

union word {
	unsigned int w;
	unsigned char b[4];
	unsigned short h[2];
};

enum color { RED, GREEN = 10, BLUE, LAST = BLUE + 5 };

struct list {
	int val;
	struct list *next;
};

struct rect unit = {{0, 0}, {1, 1}, "unit"};
struct rect named = {.name = "named", .max = {.y = 7, .x = 3}};
Point pts[] = {{1, 2}, {3, 4}, [4] = {9, 9}};
union word gw = {0x11223344};

Point add(Point a, Point b)
{
	Point r;
	r.x = a.x + b.x;
	r.y = a.y + b.y;
	return r;
}

int area(struct rect *r)
{
	return (r->max.x - r->min.x) * (r->max.y - r->min.y);
}

int main(void)
{
	struct rect r = {{1, 2}, {4, 6}};
	struct rect s;
	union word u;
	struct list n3 = {3, 0}, n2 = {2, &n3}, n1 = {1, &n2};
	struct list *l;
	Point p = {10, 20}, q;
	enum color c = BLUE;

	printf("%d %d %s\n", area(&r), area(&unit), unit.name);
	printf("%d %d %s %d\n", named.max.x, named.max.y, named.name, named.min.x);
	printf("%d %d %d %d\n", pts[1].y, pts[4].x, pts[2].x, sizeof pts / sizeof pts[0]);
	s = r;
	s.min.x = 0;
	printf("%d %d\n", area(&s), area(&r));
	q = add(p, r.max);
	printf("%d %d\n", q.x, q.y);
	printf("%d\n", add(p, p).y);
	u.w = 0x01020304;
	printf("%d %d %x\n", u.b[0], u.b[3], u.h[1]);
	printf("%x %d\n", gw.w, gw.b[0]);
	for (l = &n1; l; l = l->next)
		printf("%d ", l->val);
	printf("\n");
	printf("%d %d %d %d\n", RED, GREEN, c, LAST);
	printf("%d %d %d\n", sizeof(Point), sizeof(struct rect), sizeof(union word));
	{
		struct { char c; int i; short s; } odd;
		printf("%d\n", sizeof odd);
	}
	r.max.x += 10;
	(&r)->max.y *= 2;
	printf("%d %d\n", r.max.x, r.max.y);
	return 0;
}
