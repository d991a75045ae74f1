/* The program's own variadic functions: ints, chars, pointers, va_copy. */
#include <stdarg.h>
#include <stdio.h>

static int sum(int n, ...)
{
	va_list ap;
	int s = 0;

	va_start(ap, n);
	while (n-- > 0)
		s += va_arg(ap, int);
	va_end(ap);
	return s;
}

static void mixed(const char *types, ...)
{
	va_list ap, again;
	int count = 0;

	va_start(ap, types);
	va_copy(again, ap);
	for (; *types; types++) {
		switch (*types) {
		case 'i':
			printf("int %d ", va_arg(ap, int));
			break;
		case 'c':
			printf("char %c ", va_arg(ap, int));	/* promoted */
			break;
		case 's':
			printf("str %s ", va_arg(ap, char *));
			break;
		case 'u':
			printf("unsigned %u ", va_arg(ap, unsigned));
			break;
		}
		count++;
	}
	va_end(ap);
	printf("| first again: %d\n", va_arg(again, int));
	va_end(again);
}

static const char *nth(int n, ...)
{
	va_list ap;
	const char *s = 0;

	va_start(ap, n);
	while (n-- >= 0)
		s = va_arg(ap, const char *);
	va_end(ap);
	return s;
}

int main(void)
{
	char c = 'k';
	short sh = -3;

	printf("%d %d %d %d\n", sum(0), sum(1, 5), sum(3, 1, 2, 3), sum(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
	mixed("icsu", 42, c, "hello", 4000000000u);
	mixed("iii", sh, -1, 7);
	printf("%s %s\n", nth(0, "a", "b", "c"), nth(2, "a", "b", "c"));
	return 0;
}
