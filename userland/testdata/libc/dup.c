/* dup and dup2 give more descriptors on the console; closed ones fail. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	int fd, r;

	setbuf(stdout, NULL);
	fd = dup(1);
	printf("dup gave a new fd %d\n", fd > 2);
	write(fd, "via dup\n", 8);
	r = dup2(1, 9);
	printf("dup2 %d\n", r);
	write(9, "via dup2\n", 9);
	close(9);
	errno = 0;
	r = write(9, "x", 1);
	printf("closed: %d %d\n", r, errno == EBADF);
	r = dup2(fd, fd);
	printf("dup2 to itself %d\n", r == fd);
	close(fd);
	dprintf(1, "dprintf %d\n", 5);
	return 0;
}
