#include <stdio.h>

struct inner { short s; char c[3]; };
struct outer { int id; struct inner in[2]; union { int i; char b[4]; } u; int tail; };

int g1[2][3] = {1, 2, 3, 4};
int g2[][2] = {{1}, [2] = {5, 6}, {7}};
struct outer go = {1, {{2, "ab"}, {.c = {'x'}, .s = 3}}, {0x41424344}, 9};
struct outer gd = {.tail = 8, .in[1].c[2] = 'z', .u.b = {1, 2}};
struct inner gi[] = {10, "p", 11, {'q', 'r'}};
char gs[][4] = {"one", "two", "six"};
int gx = 3 * 4 + (1 << 4) - sizeof(struct inner), *gp = &g1[1][1], **gpp = &gp;
char *gstr = "lit" "eral" + 2;
unsigned char gc = 300, gneg = -1;
short gsh = 70000;
int gcond = sizeof(int) == 4 ? 10 : 20;
int garr_len = sizeof g2 / sizeof g2[0];

void dump(struct outer *o)
{
	printf("%d [%d %s|%d %c%c%c] %x %d\n", o->id, o->in[0].s, o->in[0].c, o->in[1].s,
	       o->in[1].c[0] ? o->in[1].c[0] : '.', o->in[1].c[1] ? o->in[1].c[1] : '.',
	       o->in[1].c[2] ? o->in[1].c[2] : '.', o->u.i, o->tail);
}

int main(void)
{
	int i, j;
	struct outer lo = {1, {{2, "ab"}, {.c = {'x'}, .s = 3}}, {0x41424344}, 9};
	struct outer ld = {.tail = 8, .in[1].c[2] = 'z', .u.b = {1, 2}};
	int l1[2][3] = {1, 2, 3, 4};
	int l2[][2] = {{1}, [2] = {5, 6}, {7}};
	struct inner li[] = {10, "p", 11, {'q', 'r'}};
	char ls[][4] = {"one", "two", "six"};
	int scalar = {42};
	struct inner copy = li[1];

	dump(&go);
	dump(&lo);
	dump(&gd);
	dump(&ld);
	for (i = 0; i < 2; i++)
		for (j = 0; j < 3; j++)
			printf("%d%d ", g1[i][j], l1[i][j]);
	printf("\n");
	for (i = 0; i < 4; i++)
		printf("%d,%d %d,%d ", g2[i][0], g2[i][1], l2[i][0], l2[i][1]);
	printf("%d %d\n", garr_len, sizeof l2 / sizeof l2[0]);
	printf("%d %s %d %s %d %c%c\n", gi[0].s, gi[0].c, li[1].s, li[1].c, copy.s, copy.c[0], copy.c[1]);
	printf("%s %s %s %s\n", gs[0], gs[2], ls[1], ls[2]);
	printf("%d %d %d %s\n", gx, *gp, **gpp, gstr);
	printf("%d %d %d %d %d\n", gc, gneg, gsh, gcond, scalar);
	return 0;
}
