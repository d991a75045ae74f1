/* <limits.h>, <stdint.h>, <stddef.h> and <stdbool.h> agree with the host. */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct s {
	char c;
	int i;
	short h;
	char name[5];
	int last;
};

int main(void)
{
	bool t = true, f = false;
	bool b = 5;

	printf("%d %d %d\n", CHAR_BIT, SCHAR_MIN, SCHAR_MAX);
	printf("%d %d %d\n", UCHAR_MAX, CHAR_MIN, CHAR_MAX);
	printf("%d %d %d\n", SHRT_MIN, SHRT_MAX, USHRT_MAX);
	printf("%d %d %u\n", INT_MIN, INT_MAX, UINT_MAX);
	printf("%d %d %d %u\n", INT8_MIN, INT16_MIN, INT32_MIN, UINT32_MAX);
	printf("%d %d %d %d %d\n", INT8_MAX, UINT8_MAX, INT16_MAX, UINT16_MAX, INT32_MAX);
	printf("sizes %d %d %d %d %d %d\n", (int)sizeof(int8_t), (int)sizeof(uint8_t), (int)sizeof(int16_t),
		(int)sizeof(uint16_t), (int)sizeof(int32_t), (int)sizeof(uint32_t));
	printf("offsets %d %d %d %d %d\n", (int)offsetof(struct s, c), (int)offsetof(struct s, i),
		(int)offsetof(struct s, h), (int)offsetof(struct s, name), (int)offsetof(struct s, last));
	printf("bool %d %d %d %d\n", t, f, b, (int)sizeof(bool));
	printf("NULL %d\n", NULL == (void *)0);
	{
		uint8_t u8 = 250;
		int8_t i8 = 127;
		uint16_t u16 = 65535;

		u8 += 10;
		i8 = (int8_t)(i8 + 1);
		u16++;
		printf("wrap %d %d %d\n", u8, i8, u16);
	}
	return 0;
}
