/* printf %u %x %X %o, with the alternate forms and zero padding. */
#include <stdio.h>
#include <limits.h>

int main(void)
{
	unsigned v[] = {0, 1, 8, 15, 16, 255, 256, 4095, 65535, 0x7FFFFFFF, 0x80000000u, 0xDEADBEEFu, UINT_MAX};
	int i;

	for (i = 0; i < (int)(sizeof v / sizeof v[0]); i++) {
		printf("[%u] [%x] [%X] [%o]\n", v[i], v[i], v[i], v[i]);
		printf("[%#x] [%#X] [%#o] [%#10x] [%#-10x] [%#010x]\n", v[i], v[i], v[i], v[i], v[i], v[i]);
		printf("[%12u] [%-12u] [%012u] [%.6u] [%.0u] [%#.0o] [%#.0x]\n", v[i], v[i], v[i], v[i], v[i], v[i], v[i]);
		printf("[%08X] [%.10o] [%#.3o] [%#5.3x]\n", v[i], v[i], v[i], v[i]);
	}
	printf("%x %u\n", -1, -1);
	printf("%lx %lX %lo %lu\n", 0xABCDUL, 0xABCDUL, 8UL, 3000000000UL);
	return 0;
}
