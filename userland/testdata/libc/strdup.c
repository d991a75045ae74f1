/* strdup copies into fresh memory that free takes back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	const char *words[] = {"", "x", "hello", "a somewhat longer sentence to copy"};
	char *d[4];
	int i;

	for (i = 0; i < 4; i++) {
		d[i] = strdup(words[i]);
		printf("%d [%s] same %d distinct %d\n", i, d[i], strcmp(d[i], words[i]) == 0, d[i] != words[i]);
	}
	d[2][0] = 'J';
	printf("%s %s\n", d[2], words[2]);
	for (i = 0; i < 4; i++)
		free(d[i]);
	return 0;
}
