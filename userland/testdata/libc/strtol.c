/*
 * strtol: bases 0 and 2-36, prefixes, where parsing stops, and overflow.
 * Values stay within 32 bits or overflow 64, so the output is the same
 * where long is 32 bits (here) and 64 (the host).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

static void try(const char *s, int base)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, base);
	/* an overflow by name: the limits are 64-bit on the host */
	if (errno == ERANGE && v == LONG_MAX)
		printf("strtol(\"%s\", %d) = LONG_MAX", s, base);
	else if (errno == ERANGE && v == LONG_MIN)
		printf("strtol(\"%s\", %d) = LONG_MIN", s, base);
	else
		printf("strtol(\"%s\", %d) = %ld", s, base, v);
	printf(", used %d, errno %s\n", (int)(end - s),
		errno == ERANGE ? "ERANGE" : errno == 0 ? "0" : "other");
}

int main(void)
{
	char *end;
	long v;

	try("0", 10);
	try("12345", 10);
	try("-12345", 10);
	try("  +42xyz", 10);
	try("2147483647", 10);
	try("-2147483648", 10);
	try("0x7fffffff", 16);
	try("0x7FFFFFFF", 0);
	try("0X1a", 0);
	try("0x", 16);
	try("0x", 0);
	try("0xg", 0);
	try("017", 0);
	try("019", 0);
	try("08", 0);
	try("0", 0);
	try("-0x10", 0);
	try("101101", 2);
	try("777", 8);
	try("zz", 36);
	try("ZZ", 36);
	try("Hello", 36);
	try("12a", 11);
	try("", 10);
	try("   ", 10);
	try("-", 10);
	try("+", 10);
	try("abc", 10);
	try("1e5", 10);
	try("\t\n\v\f\r 7", 10);
	try("99999999999999999999999999", 10);
	try("-99999999999999999999999999", 10);
	try("0xFFFFFFFFFFFFFFFFFFFFFF", 16);
	/* a NULL end pointer is allowed */
	v = strtol("  63", NULL, 8);
	printf("%ld\n", v);
	v = strtol("-2147483648", &end, 10);
	printf("INT_MIN round trip %d, rest [%s]\n", (int)v == INT_MIN, end);
	return 0;
}
