/* Pointers to pointers, string tables, sorting pointers, and writing
 * through char pointers. */
#include <stdio.h>
#include <string.h>

static void sort(char **v, int n)
{
	int i, j;
	char *t;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			t = v[j]; v[j] = v[j - 1]; v[j - 1] = t;
		}
}

static void upcase(char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			*s -= 'a' - 'A';
}

int main(void)
{
	char *words[] = {"pear", "apple", "fig", "banana", "cherry"};
	char buf[32];
	char **pp;
	int i;

	sort(words, 5);
	for (pp = words; pp < words + 5; pp++)
		printf("%s ", *pp);
	printf("\n");
	strcpy(buf, words[1]);
	upcase(buf);
	printf("%s %c %d\n", buf, *(words[4] + 1), (int)strlen(words[0]));
	for (i = 0; i < 5; i++)
		printf("%c", words[i][0]);
	printf("\n");
	return 0;
}
