/* sbrk moves the break; memory below the new break is usable. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char *a, *b, *c;
	int r;

	/* glibc's stdio would malloc a buffer on the heap sbrk moves under it */
	setbuf(stdout, NULL);
	a = sbrk(0);
	b = sbrk(10000);
	c = sbrk(0);
	printf("sbrk(0) stable %d, grew by %d\n", a == b, (int)(c - b));
	memset(b, 'x', 10000);
	printf("usable %d\n", b[0] == 'x' && b[9999] == 'x');
	b = sbrk(-4000);
	c = sbrk(0);
	printf("shrank by %d\n", (int)(b - c));
	r = brk(a + 100);
	printf("brk %d, now %d\n", r, (int)((char *)sbrk(0) - a));
	a[99] = 1;
	return 0;
}
