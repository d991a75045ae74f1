/* Found by execvp's search: says where and with what. */
#include <stdio.h>

int main(int argc, char **argv)
{
	int i;

	printf("pathprog:");
	for (i = 0; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\n");
	return 0;
}
