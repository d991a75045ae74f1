/* switch with fall-through and default in the middle, goto, do/while,
 * nested loops with break and continue. */
#include <stdio.h>

static const char *kind(int n)
{
	switch (n % 7) {
	case 0:
		return "zero";
	case 1:
	case 2:
		return "small";
	default:
		return "other";
	case 5:
		n++;
		/* fall through */
	case 6:
		return n % 2 ? "six-ish odd" : "six-ish even";
	}
}

int main(void)
{
	int i, j, n = 0;

	for (i = 0; i < 10; i++)
		printf("%d %s\n", i, kind(i));
	for (i = 0; i < 5; i++) {
		for (j = 0; j < 5; j++) {
			if (j == i)
				continue;
			if (j > 3)
				break;
			n += i * j;
		}
	}
	printf("n = %d\n", n);
	i = 0;
	do {
		i += 3;
	} while (i < 20);
	printf("i = %d\n", i);
	i = 0;
again:
	i++;
	if (i < 5)
		goto again;
	printf("goto loop ran %d times\n", i);
	return 0;
}
