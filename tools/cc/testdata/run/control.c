#include <stdio.h>

int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int classify(int n)
{
	switch (n) {
	case 0:
		return 100;
	case 1:
	case 2:
		n += 10;
	case 3:
		n += 100;
		break;
	default:
		n = -n;
		break;
	case 10:
		return 10;
	}
	return n;
}

int main(void)
{
	int i, j, total = 0;
	int x = 1;

	for (i = 0; i < 6; i++)
		printf("%d ", classify(i));
	printf("%d\n", classify(10));
	for (i = 0; i < 10; i++) {
		if (i == 2)
			continue;
		if (i == 7)
			break;
		for (j = 0; j < 3; j++) {
			if (j == i)
				break;
			total += j;
		}
	}
	printf("%d\n", total);
	i = 0;
	while (i < 5)
		i += 2;
	printf("%d\n", i);
	do {
		i--;
	} while (i > 0);
	printf("%d\n", i);
	i = 0;
again:
	i++;
	if (i < 4)
		goto again;
	printf("%d\n", i);
	{
		int x = 2;
		{
			int x = 3;
			printf("%d ", x);
		}
		printf("%d ", x);
	}
	printf("%d\n", x);
	for (int k = 0; k < 3; k++) {
		static int calls;
		calls++;
		printf("%d:%d ", k, calls);
	}
	printf("\n");
	printf("%d\n", fib(15));
	switch (3) {
	default:
		printf("no case\n");
	}
	return 0;
}
