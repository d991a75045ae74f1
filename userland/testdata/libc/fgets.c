// input: first line
// input: second, a bit longer than the small buffer
// input:
// input: last
/* fgets on stdin: whole lines, a short buffer, and end of file. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char lines[16][80], small[8];
	int n = 0, i;

	if (fgets(lines[n], sizeof lines[n], stdin))
		n++;
	/* the long line in pieces of 7 */
	while (fgets(small, sizeof small, stdin)) {
		strcpy(lines[n++], small);
		if (strchr(small, '\n'))
			break;
	}
	while (n < 16 && fgets(lines[n], sizeof lines[n], stdin))
		n++;
	printf("%d pieces, eof %d\n", n, feof(stdin));
	for (i = 0; i < n; i++)
		printf("%d: [%s] %d\n", i, lines[i], (int)strlen(lines[i]));
	printf("again: %s\n", fgets(small, sizeof small, stdin) ? "data" : "NULL");
	return 0;
}
