/* strchr, strrchr (including the NUL), strstr, strspn, strcspn, strpbrk. */
#include <stdio.h>
#include <string.h>

static int off(const char *base, const char *p)
{
	return p ? (int)(p - base) : -1;
}

int main(void)
{
	const char *s = "the quick brown fox jumps over the lazy dog";
	const char *subs[] = {"the", "fox", "dog", "cat", "", "g", "over the", "the lazy dog!", "o"};
	const char *set[] = {"aeiou", " ", "xyz", "", "the", "abcdefghijklmnopqrstuvwxyz"};
	const char *empty = "";
	int i;

	printf("strchr t %d, q %d, z %d, NUL %d, none %d\n", off(s, strchr(s, 't')), off(s, strchr(s, 'q')),
		off(s, strchr(s, 'z')), off(s, strchr(s, 0)), off(s, strchr(s, '!')));
	printf("strrchr t %d, o %d, NUL %d, none %d\n", off(s, strrchr(s, 't')), off(s, strrchr(s, 'o')),
		off(s, strrchr(s, 0)), off(s, strrchr(s, '#')));
	for (i = 0; i < 9; i++)
		printf("strstr [%s] %d\n", subs[i], off(s, strstr(s, subs[i])));
	printf("strstr in empty %d %d\n", off(empty, strstr(empty, "")), off(empty, strstr(empty, "a")));
	for (i = 0; i < 6; i++)
		printf("set [%s]: spn %d cspn %d pbrk %d\n", set[i], (int)strspn(s, set[i]),
			(int)strcspn(s, set[i]), off(s, strpbrk(s, set[i])));
	printf("%s\n", strstr("aaab", "aab"));
	return 0;
}
