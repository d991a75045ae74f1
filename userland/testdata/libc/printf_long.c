/* Output longer than printf's buffer arrives whole and in order. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	static char big[5000];
	int i, n;

	for (i = 0; i < 4999; i++)
		big[i] = 'a' + i % 26;
	n = printf("[%s]\n", big);
	printf("n=%d\n", n);
	n = printf("%3000d|%-2000s|\n", 7, "left");
	printf("n=%d\n", n);
	for (i = 0; i < 100; i++)
		printf("line %3d %s\n", i, big + 4900 + i % 50);
	return 0;
}
