/* fd3: print the lowest free descriptor, to show which ones a command inherited. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	int fd = dup(0);

	printf("%d\n", fd);
	return 0;
}
