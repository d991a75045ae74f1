/* Large blocks: several hundred KiB each, written end to end, then reused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	char *p[6];
	int sizes[6] = {300000, 1, 65536, 700000, 4095, 123457};
	int i, j, ok = 1;

	for (i = 0; i < 6; i++) {
		p[i] = malloc(sizes[i]);
		if (p[i] == NULL) {
			printf("malloc(%d) failed\n", sizes[i]);
			return 1;
		}
		memset(p[i], 'a' + i, sizes[i]);
	}
	for (i = 0; i < 6; i++)
		for (j = 0; j < sizes[i]; j += 997)
			if (p[i][j] != 'a' + i || p[i][sizes[i] - 1] != 'a' + i)
				ok = 0;
	printf("filled ok %d\n", ok);
	free(p[0]);
	free(p[3]);
	/* the two freed regions hold a 900 KiB block only if nothing leaked */
	p[0] = malloc(900000);
	printf("big again %d\n", p[0] != NULL);
	memset(p[0], 'z', 900000);
	for (i = 1; i < 6; i++)
		if (i != 3 && p[i][sizes[i] - 1] != 'a' + i)
			ok = 0;
	printf("others intact %d\n", ok);
	return 0;
}
