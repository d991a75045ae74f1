#include <stdio.h>

int main(void)
{
	printf("hello, %s! %d %u %x %X %o %c %5d|%-5d|%05d %%\n", "world", -42, 42u, 255, 0xBEEF, 8, 'z', 7, 7, -7);
	puts("done");
	return 3;
}
