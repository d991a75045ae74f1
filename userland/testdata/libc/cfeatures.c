/* C the demos use, printed through the library: a compiler cross-check. */
#include <stdio.h>
#include <string.h>

struct point {
	short x, y;
	char tag[6];
};

union word {
	unsigned u;
	unsigned char b[4];
};

enum color { RED, GREEN = 5, BLUE };

static struct point mid(struct point a, struct point b)
{
	struct point m = a;

	m.x = (a.x + b.x) / 2;
	m.y = (a.y + b.y) / 2;
	strcpy(m.tag, "mid");
	return m;
}

static int counter(void)
{
	static int n;

	return ++n;
}

static const char *kind(int c)
{
	switch (c) {
	case 0:
		return "zero";
	case 1:
	case 2:
		return "small";
	default:
		if (c < 0)
			return "negative";
	case 100:
		return "other";
	}
}

int main(void)
{
	struct point a = {2, -8, "a"}, b = {7, 3, "b"}, m;
	union word w;
	int grid[3][4], i, j, s = 0;
	unsigned char uc = 250;
	short sh = -300;
	signed char sc = -5;
	char str[] = "tab\there\\ \x41\101\n";
	int *p, *q;

	m = mid(a, b);
	printf("mid %d %d %s, a still %d %s\n", m.x, m.y, m.tag, a.x, a.tag);
	w.u = 0x11223344;
	printf("bytes %x %x %x %x\n", w.b[0], w.b[1], w.b[2], w.b[3]);
	printf("enum %d %d %d\n", RED, GREEN, BLUE);
	for (i = 0; i < 3; i++)
		for (j = 0; j < 4; j++)
			grid[i][j] = i * 10 + j;
	for (i = 0; i < 3; i++)
		s += grid[i][3 - i];
	p = &grid[2][1];
	q = &grid[0][0];
	printf("grid %d, distance %d, sizeof row %d\n", s, (int)(p - q), (int)sizeof grid[0]);
	printf("div %d %d %d %d\n", -7 / 2, -7 % 2, 7 / -2, 7 % -2);
	printf("udiv %u %u\n", 0xFFFFFFF0u / 3, 0xFFFFFFF0u % 7);
	printf("shifts %d %u %d %x\n", -16 >> 2, 0x80000000u >> 31, 1 << 30, 0xF0u << 4);
	uc += 10;
	printf("promotions %d %d %d %d\n", uc, sh * 2, sc * sc, (unsigned char)(sc));
	printf("unsigned compare %d %d\n", -1 < 1u, (unsigned char)200 > (signed char)-1);
	/* one call per statement: argument order is unspecified (gcc goes right to left) */
	i = counter();
	j = counter();
	printf("static %d %d %d\n", i, j, counter());
	printf("%s %s %s %s %s\n", kind(0), kind(2), kind(-4), kind(100), kind(50));
	printf("%s", str);
	printf("len %d\n", (int)strlen(str));
	printf("concat " "of " "literals %d\n", (int)sizeof("abc" "de"));
	i = 0;
again:
	if (++i < 5)
		goto again;
	printf("goto %d\n", i);
	j = (i++, i * 2);
	printf("comma %d, ternary %s\n", j, i > 5 ? "big" : i > 3 ? "mid" : "small");
	j = 10;
	do
		j -= 3;
	while (j > 0);
	printf("do-while %d\n", j);
	return 0;
}
