/* printf %s and %c: widths, precision, left adjustment. */
#include <stdio.h>

int main(void)
{
	const char *s[] = {"", "a", "hello", "a longer string here"};
	int i;

	for (i = 0; i < 4; i++) {
		printf("[%s] [%10s] [%-10s] [%.3s] [%10.2s] [%-10.4s] [%.0s]\n",
			s[i], s[i], s[i], s[i], s[i], s[i], s[i]);
		printf("[%*s] [%-*s] [%.*s] [%*.*s]\n", 8, s[i], 8, s[i], 2, s[i], 7, 3, s[i]);
	}
	printf("[%c] [%3c] [%-3c] [%c%c%c]\n", 'x', 'y', 'z', 'a', 'b', 'c');
	printf("[%5%] [%s%s]\n", "con", "cat");
	printf("%s\n", "a string with % in it");
	printf("%c", '\n');
	printf("[%.20s]\n", "short");
	return 0;
}
