#include <stdio.h>
#include <stdarg.h>

static int twice(int x) { return 2 * x; }
static int square(int x) { return x * x; }
int negate(int x) { return -x; }

int (*ops[])(int) = {twice, square, negate};
int (*chosen)(int) = &square;

typedef int (*binop)(int, int);
int plus(int a, int b) { return a + b; }
int minus(int a, int b) { return a - b; }

int apply(binop f, int a, int b) { return f(a, b); }

int sum(int n, ...)
{
	va_list ap;
	int s = 0;
	va_start(ap, n);
	while (n-- > 0)
		s += va_arg(ap, int);
	va_end(ap);
	return s;
}

void show(const char *label, ...)
{
	va_list ap;
	char *s;
	va_start(ap, label);
	printf("%s:", label);
	while ((s = va_arg(ap, char *)) != 0)
		printf(" %s", s);
	printf("\n");
	va_end(ap);
}

int counter(void)
{
	static int n = 10;
	return n++;
}

int main(void)
{
	int i;
	binop table[2];

	for (i = 0; i < 3; i++)
		printf("%d ", ops[i](7));
	printf("%d %d\n", chosen(5), (*chosen)(6));
	table[0] = plus;
	table[1] = &minus;
	printf("%d %d\n", apply(table[0], 3, 4), apply(table[1], 3, 4));
	printf("%d %d %d\n", sum(0), sum(3, 1, 2, 3), sum(5, 10, 20, 30, 40, 50));
	show("words", "a", "bc", "def", (char *)0);
	counter();
	counter();
	printf("%d\n", counter());
	printf("%d\n", ops[2] == negate);
	return 0;
}
