/*
 * Each output call below must reach the kernel as exactly one write to
 * fd 1 (TestOneWritePerCall counts them and checks their lengths).
 */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char big[901];

	memset(big, 'b', 900);
	big[900] = 0;
	printf("a %d %s %c|%5x|%-4d|\n", 1, "two", '3', 255, -7);	/* 22 bytes */
	printf("%s", big);						/* 900 */
	puts("line");							/* 5 */
	putchar('x');							/* 1 */
	fprintf(stdout, "fp %d\n", 10);					/* 6 */
	fputs("fs\n", stdout);						/* 3 */
	printf("%d-%d-%d-%d-%d-%d-%d-%d\n", 1, 2, 3, 4, 5, 6, 7, 8);	/* 16 */
	return 0;
}
