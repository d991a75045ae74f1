/* Every character class for every value from EOF to 255. */
#include <ctype.h>
#include <stdio.h>

int main(void)
{
	int c, m;

	for (c = -1; c < 256; c++) {
		m = !!isalnum(c) | !!isalpha(c) << 1 | !!iscntrl(c) << 2 | !!isdigit(c) << 3 |
			!!isgraph(c) << 4 | !!islower(c) << 5 | !!isprint(c) << 6 | !!ispunct(c) << 7 |
			!!isspace(c) << 8 | !!isupper(c) << 9 | !!isxdigit(c) << 10 | !!isblank(c) << 11;
		printf("%d:%x:%d:%d%c", c, m, tolower(c), toupper(c), c % 8 == 6 ? '\n' : ' ');
	}
	printf("\n");
	return 0;
}
