/* Static locals keep their values between calls; file-scope statics and
 * externs; string literal concatenation; the comma and ?: operators. */
#include <stdio.h>

static int total;
int shared = 10;

static int counter(void)
{
	static int calls;
	static int table[3] = {5, 6, 7};

	total += table[calls % 3];
	return ++calls;
}

int main(void)
{
	int i, a, b;
	const char *msg = "con" "cat" "enated";

	for (i = 0; i < 5; i++)
		printf("call %d\n", counter());
	printf("total %d shared %d %s\n", total, shared, msg);
	a = (b = 3, b * 2);
	printf("a %d b %d max %d\n", a, b, a > b ? a : b);
	a = b++;
	a += ++b;
	printf("a %d b %d\n", a, b);
	return 0;
}
