/* strcmp and strncmp: only the sign of the result is specified. */
#include <stdio.h>
#include <string.h>

static int sign(int r)
{
	return (r > 0) - (r < 0);
}

int main(void)
{
	const char *s[] = {"", "a", "b", "ab", "abc", "abd", "ABC", "abc\x80", "abc\x01", "zz"};
	int i, j, n;

	for (i = 0; i < 10; i++) {
		for (j = 0; j < 10; j++)
			printf("%2d", sign(strcmp(s[i], s[j])));
		printf("\n");
	}
	for (n = 0; n <= 4; n++) {
		for (i = 0; i < 10; i++)
			for (j = 0; j < 10; j++)
				printf("%d", sign(strncmp(s[i], s[j], n)) + 1);
		printf("\n");
	}
	printf("%d\n", strncmp("abcX", "abcY", 3));
	return 0;
}
