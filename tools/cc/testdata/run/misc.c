#include <stdio.h>
#include <string.h>

struct big {
	int a[20];
	char tag[12];
};

struct big make(int seed)
{
	struct big b = {{seed, seed + 1}, "made"};
	b.a[19] = seed * 2;
	return b;
}

int next(int *i) { return (*i)++; }

int sign(int x) { return x < 0 ? -1 : x > 0 ? 1 : 0; }

int main(void)
{
	struct big x = make(5), y;
	int arr[6] = {0}, i = 0;
	char names[3][6] = {"ann", "bob", "cy"};
	unsigned char bytes[4] = {0x80, 0xFF, 1, 2};
	short sh = -2;
	static char message[] = "static\tmessage\\\"quoted\"\a\b";

	y = x;
	y.a[0] = 99;
	printf("%d %d %d %d %s\n", x.a[0], y.a[0], y.a[1], y.a[19], y.tag);
	printf("%d %d\n", make(7).a[19], make(1).a[5]);
	arr[next(&i)] += 5;
	arr[next(&i)] -= 3;
	arr[i++] |= 8;
	printf("%d %d %d %d %d\n", arr[0], arr[1], arr[2], arr[3], i);
	for (i = 0; i < 3; i++)
		printf("%s%c", names[i], i < 2 ? ',' : '\n');
	printf("%d %d %d\n", bytes[0] + bytes[1], (char)bytes[0], bytes[2] << 8 | bytes[3]);
	printf("%d %u %d\n", sh * 3, (unsigned short)sh, sh >> 1);
	printf("%d %d %d\n", sign(-9), sign(0), sign(4));
	printf("%d %d\n", strlen(message), message[6] == '\t');
	switch (sh) {
	case -2:
		printf("minus two\n");
		break;
	case 2:
		printf("two\n");
	}
	{
		int v = 0x12345678;
		char *b = (char *)&v;
		printf("%x %x %x\n", b[0], b[3], v & 0xFF00);
	}
	{
		int count = 0, n = 0xF0F0;
		while (n) {
			count += n & 1;
			n >>= 1;
		}
		printf("%d\n", count);
	}
	return sizeof(struct big);
}
