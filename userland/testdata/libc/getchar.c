// input: The quick brown fox
// input: jumps over  the lazy dog.
// input: 12 34 x
/* getchar to end of file, ungetc, and a word/line/char count. */
#include <ctype.h>
#include <stdio.h>

int main(void)
{
	char text[256];
	int c, n = 0, lines = 0, words = 0, inword = 0, i, digits = 0;

	while ((c = getchar()) != EOF && n < 255) {
		if (isdigit(c)) {
			/* push a digit back and read it again through fgetc */
			ungetc(c, stdin);
			c = fgetc(stdin);
			digits++;
		}
		text[n++] = c;
	}
	text[n] = 0;
	for (i = 0; i < n; i++) {
		if (text[i] == '\n')
			lines++;
		if (isspace(text[i]))
			inword = 0;
		else if (!inword) {
			inword = 1;
			words++;
		}
	}
	printf("%d chars, %d words, %d lines, %d digits\n", n, words, lines, digits);
	printf("eof %d error %d, getchar again %d\n", feof(stdin), ferror(stdin), getchar());
	fputs(text, stdout);
	return 0;
}
