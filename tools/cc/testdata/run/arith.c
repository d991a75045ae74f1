#include <stdio.h>

int check(int x) { return x; }

int main(void)
{
	int a = 17, b = -5;
	unsigned u = 3000000000u;
	char c = 127;
	unsigned char uc = 250;
	short s = 32767;
	unsigned short us = 65535;

	printf("%d %d %d %d %d\n", a + b, a - b, a * b, a / b, a % b);
	printf("%d %d %d\n", -a / 5, -a % 5, b / 2);
	printf("%u %u %u\n", u / 7, u % 7, u >> 3);
	printf("%d %d\n", b >> 1, b << 3);
	printf("%d %d %d %d\n", a & b, a | b, a ^ b, ~a);
	printf("%d %d %d %d %d %d\n", a < b, a > b, a <= 17, a >= 18, a == 17, a != 17);
	printf("%d %d\n", u > 5, (int)u < 5);
	printf("%d %d %d\n", -1 < 0u, (unsigned char)-1, (signed char)200);
	c++;
	uc += 10;
	s++;
	us++;
	printf("%d %d %d %d\n", c, uc, s, us);
	printf("%d %d\n", !a, !!a);
	printf("%d %d %d\n", a && b, a && 0, 0 || b);
	a += 3; printf("%d ", a);
	a -= 4; printf("%d ", a);
	a *= 2; printf("%d ", a);
	a /= 3; printf("%d ", a);
	a %= 7; printf("%d ", a);
	a <<= 4; printf("%d ", a);
	a >>= 2; printf("%d ", a);
	a |= 1; printf("%d ", a);
	a &= 13; printf("%d ", a);
	a ^= 6; printf("%d\n", a);
	printf("%d ", a++);
	printf("%d ", a);
	printf("%d ", ++a);
	printf("%d ", a--);
	printf("%d\n", --a);
	printf("%d\n", (a = 5, a + 1));
	printf("%d %d\n", a > 3 ? 100 : 200, a < 3 ? 100 : 200);
	printf("%d\n", 'A' + '\n' + '\x10' + '\101' + '\\');
	printf("%d %d %d\n", sizeof(char), sizeof(short), sizeof(int));
	printf("%d %d\n", (short)70000, (char)300);
	printf("%u\n", (unsigned)-1);
	printf("%d\n", 0x7fffffffu + check(1) > 0);
	printf("%x %x\n", 0xDEADBEEF >> 4, (int)0xDEADBEEF >> 4);
	printf("%d\n", 1 + 2 * 3 - 4 / 2 % 3 << 1 | 1 ^ 3 & 6);
	{
		_Bool t = 42;
		printf("%d\n", t);
	}
	return a;
}
