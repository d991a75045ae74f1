/* Bit-fields and unions: packing, sign, and overlaying bytes on an int. */
#include <stdio.h>

struct flags {
	unsigned ready : 1;
	unsigned mode : 3;
	signed level : 4;
	unsigned rest : 24;
};

union word {
	unsigned int w;
	unsigned char b[4];
};

int main(void)
{
	struct flags f = {1, 5, -3, 0xABCDE};
	union word u;
	int i;

	printf("ready %u mode %u level %d rest %x size %d\n", f.ready, f.mode, f.level, f.rest, (int)sizeof f);
	f.mode = 9;		/* wraps to 1 */
	f.level = 7;
	f.level++;		/* wraps to -8 */
	printf("mode %u level %d\n", f.mode, f.level);
	u.w = 0x11223344;
	for (i = 0; i < 4; i++)
		printf("b[%d] = %02x\n", i, u.b[i]);
	u.b[0] = 0xFF;
	printf("w = %08x\n", u.w);
	return 0;
}
