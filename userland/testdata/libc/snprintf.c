/* snprintf truncates, always terminates, and returns the full length. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char buf[16];
	int n, size;

	for (size = 0; size <= 16; size++) {
		memset(buf, '*', sizeof buf);
		n = snprintf(buf, size, "%s-%d", "abcdefghij", 12345);
		buf[15] = 0;
		printf("size %2d: n=%d [%s]\n", size, n, buf);
	}
	n = snprintf(NULL, 0, "%d %s", 1234567, "xyz");
	printf("measure: %d\n", n);
	n = snprintf(buf, sizeof buf, "%020d", 5);
	printf("%d [%s] %d\n", n, buf, (int)strlen(buf));
	return 0;
}
