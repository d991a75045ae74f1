/* atoi and atol: leading space, signs, trailing junk, no digits. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	const char *s[] = {"0", "42", "-42", "+17", "   99", "\t\n 12abc", "abc", "", "-", "+-3",
		"007", "0x1F", "2147483647", "-2147483648", " - 5", "123 456", "-0"};
	int i;

	for (i = 0; i < (int)(sizeof s / sizeof s[0]); i++)
		printf("[%s] atoi %d atol %ld\n", s[i], atoi(s[i]), atol(s[i]));
	return 0;
}
