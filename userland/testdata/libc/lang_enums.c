/* enums with explicit values, typedefs, casts and integer promotions,
 * unsigned wrap-around and signed division. */
#include <stdio.h>

typedef enum { RED, GREEN = 5, BLUE, LAST = BLUE + 10 } color;
typedef unsigned char byte;

static const char *name(color c)
{
	switch (c) {
	case RED: return "red";
	case GREEN: return "green";
	case BLUE: return "blue";
	default: return "?";
	}
}

int main(void)
{
	color c;
	byte b = 250;
	unsigned u = 0;
	short s = 32767;
	int neg = -7;

	for (c = RED; c <= LAST; c++)
		if (*name(c) != '?')
			printf("%d %s\n", c, name(c));
	b += 10;
	u--;
	s++;
	printf("byte %u unsigned %u short %d\n", b, u, s);
	printf("-7/2 %d -7%%2 %d 7/-2 %d (unsigned)-1 > 0: %d\n", neg / 2, neg % 2, 7 / -2, (unsigned)-1 > 0);
	printf("char promotion %d, shift %d, mask %x\n", (char)200 + 0, 1 << 10, 0xF0F0 & ~0xFF);
	return 0;
}
