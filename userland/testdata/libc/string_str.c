/* strlen, strcpy, strncpy (padding, no terminator), strcat, strncat. */
#include <stdio.h>
#include <string.h>

static void dump(const char *tag, const char *b, int n)
{
	int i;

	printf("%-8s", tag);
	for (i = 0; i < n; i++)
		putchar(b[i] ? b[i] : '.');
	putchar('\n');
}

int main(void)
{
	char b[24], c[24];
	char *r;

	printf("%d %d %d\n", (int)strlen(""), (int)strlen("a"), (int)strlen("hello, world"));
	memset(b, '#', sizeof b);
	r = strcpy(b, "copy");
	dump("strcpy", b, 12);
	printf("%d\n", r == b);
	memset(b, '#', sizeof b);
	strncpy(b, "ab", 6);
	dump("strncpy", b, 12);
	memset(b, '#', sizeof b);
	strncpy(b, "abcdefgh", 4);
	dump("strncpy", b, 12);
	strcpy(c, "one");
	r = strcat(c, "two");
	strcat(c, "");
	strcat(c, "three");
	printf("%s %d %d\n", c, r == c, (int)strlen(c));
	strcpy(c, "x");
	strncat(c, "abcdef", 3);
	printf("%s\n", c);
	strncat(c, "yz", 10);
	printf("%s\n", c);
	strncat(c, "ignored", 0);
	printf("%s %d\n", c, (int)strlen(c));
	return 0;
}
