/* memcpy, memmove (both overlaps), memset, memcmp, memchr. */
#include <stdio.h>
#include <string.h>

static void show(const char *tag, const char *b, int n)
{
	int i;

	printf("%-10s", tag);
	for (i = 0; i < n; i++)
		putchar(b[i] ? b[i] : '.');
	putchar('\n');
}

static int sign(int r)
{
	return (r > 0) - (r < 0);
}

int main(void)
{
	char b[32];
	unsigned char u1[4] = {1, 2, 200, 4}, u2[4] = {1, 2, 100, 4};
	char *r;

	memset(b, 0, sizeof b);
	r = memcpy(b, "abcdefghijklmnop", 16);
	show("memcpy", b, 20);
	printf("returns dest: %d\n", r == b);
	memmove(b + 4, b, 10);
	show("move up", b, 20);
	memmove(b, b + 6, 10);
	show("move down", b, 20);
	memmove(b, b, 5);
	show("move same", b, 20);
	r = memset(b + 2, 'Z', 5);
	show("memset", b, 20);
	printf("returns dest: %d\n", r == b + 2);
	memset(b, 0x141, 3);	/* the value is converted to unsigned char */
	show("memset 41", b, 20);
	printf("memcmp %d %d %d %d\n", sign(memcmp(u1, u2, 4)), sign(memcmp(u2, u1, 4)),
		memcmp(u1, u2, 2), memcmp("abc", "abd", 0));
	printf("memcmp signed bytes %d\n", sign(memcmp("\x80", "\x01", 1)));
	r = memchr("hello world", 'o', 11);
	printf("memchr %s\n", r);
	printf("memchr miss %d, past n %d\n", memchr("hello", 'z', 5) == NULL, memchr("hello", 'o', 4) == NULL);
	r = "ab\0cd";
	printf("memchr NUL %d\n", (int)((char *)memchr(r, 0, 5) - r));
	return 0;
}
