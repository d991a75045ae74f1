/* strtok over several delimiters, runs of delimiters and a second string. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char a[] = "  ls -l  /bin;echo hi;;  ";
	char b[] = "path/to//some/file";
	char c[] = ",,,";
	char *t;
	int n = 0;

	for (t = strtok(a, " ;"); t; t = strtok(NULL, " ;"))
		printf("%d [%s]\n", n++, t);
	printf("after end: %d\n", strtok(NULL, " ") == NULL);
	for (t = strtok(b, "/"); t; t = strtok(NULL, "/"))
		printf("[%s]\n", t);
	printf("only delimiters: %d\n", strtok(c, ",") == NULL);
	return 0;
}
