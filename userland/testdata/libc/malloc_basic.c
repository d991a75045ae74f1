/* malloc, calloc, realloc and free: contents survive, memory is reused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	char *a, *b, *c;
	int *z, i, ok;

	a = malloc(10);
	strcpy(a, "123456789");
	b = malloc(100);
	memset(b, 'b', 100);
	printf("distinct %d, aligned %d %d\n", a != b, ((unsigned long)a & 7) == 0, ((unsigned long)b & 7) == 0);
	printf("%s\n", a);
	z = calloc(50, sizeof *z);
	ok = 1;
	for (i = 0; i < 50; i++)
		if (z[i] != 0)
			ok = 0;
	printf("calloc zeroed %d\n", ok);
	a = realloc(a, 5000);
	printf("realloc kept [%s]\n", a);
	memset(a + 10, 'r', 4000);
	a = realloc(a, 20);	/* shrink */
	printf("shrunk kept [%.12s]\n", a);
	free(b);
	c = malloc(80);	/* fits in b's old block */
	memset(c, 'c', 80);
	printf("c ok %d\n", c[0] == 'c' && c[79] == 'c');
	free(z);
	free(a);
	free(c);
	free(NULL);
	a = realloc(NULL, 16);
	strcpy(a, "from realloc");
	printf("%s\n", a);
	free(a);
	a = malloc(0);
	free(a);
	printf("done\n");
	return 0;
}
