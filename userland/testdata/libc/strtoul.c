/* strtoul: bases, a minus sign negates, overflow saturates with ERANGE. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static void try(const char *s, int base)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, base);
	/* printed as 32 bits: the host's long is 64 */
	printf("strtoul(\"%s\", %d) = %u, used %d, errno %d\n", s, base, (unsigned)v, (int)(end - s), errno == ERANGE);
}

int main(void)
{
	try("0", 10);
	try("4294967295", 10);
	try("0xFFFFFFFF", 0);
	try("0xdeadbeef", 16);
	try("deadbeef", 16);
	try("-1", 10);
	try("-2", 0);
	try("  +100", 10);
	try("0777", 0);
	try("11111111111111111111111111111111", 2);
	try("99999999999999999999999999", 10);
	try("xyz", 10);
	try("", 0);
	try("0x", 0);
	try("z", 36);
	return 0;
}
