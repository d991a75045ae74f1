/*
 * malloc: the heap grows with brk (V6++'s malloc demo).
 *
 * Prints the break before and after allocations, shows that a freed block
 * is handed out again, and that memory written through one pointer is
 * separate from another's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char *brk0, *a, *b, *c;

	brk0 = sbrk(0);
	a = malloc(100);
	b = malloc(1000);
	if (a == NULL || b == NULL) {
		printf("malloc failed\n");
		return 1;
	}
	strcpy(a, "block a");
	memset(b, 'b', 999);
	b[999] = '\0';
	printf("a: %s, b: %d bytes of 'b'\n", a, (int)strlen(b));
	printf("the heap grew: %s\n", (char *)sbrk(0) > brk0 ? "yes" : "no");
	free(a);
	c = malloc(100);
	printf("freed block reused: %s\n", c == a ? "yes" : "no");
	c = realloc(c, 5000);
	strcpy(c + 4000, "far into c");
	printf("realloc to 5000: %s\n", c + 4000);
	free(b);
	free(c);
	return 0;
}
