/* printf's h and hh: the int argument printed as a short or a char. */
#include <stdio.h>

int main(void)
{
	int v[] = {0, 1, -1, 127, 128, 255, 256, 300, 32767, 32768, 65535, 65536, 70000, -70000, 0x12345678};
	int i;

	for (i = 0; i < (int)(sizeof v / sizeof v[0]); i++)
		printf("[%hd] [%hhd] [%hu] [%hhu] [%hx] [%hhx] [%ho] [%6hd] [%-6hhd]\n",
		       v[i], v[i], v[i], v[i], v[i], v[i], v[i], v[i], v[i]);
	return 0;
}
