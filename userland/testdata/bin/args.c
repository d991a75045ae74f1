/* args: print each argument in brackets, to show how the shell split them. */
#include <stdio.h>

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		printf("[%s]", argv[i]);
	printf("\n");
	return 0;
}
