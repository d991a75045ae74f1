/*
 * fs_limits: the kernel's limits, which differ from the host's: EMFILE
 * after NOFILES (15) descriptors, EFBIG at the largest file V6++'s
 * addressing allows (6 + 2*128 + 2*128*128 blocks of 512 bytes).
 */
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#define MAXSIZE ((6 + 2 * 128 + 2 * 128 * 128) * 512)

int main(void)
{
	struct stat st;
	int fds[20], i, n, fd;

	creat("f", 0644);
	for (n = 0; n < 20; n++) {
		fds[n] = open("f", O_RDONLY);
		if (fds[n] < 0)
			break;
	}
	printf("opened %d more, then errno %d\n", n, errno);
	printf("dup: %d errno %d\n", dup(0), errno);
	for (i = 0; i < n; i++)
		close(fds[i]);

	fd = open("f", O_RDWR);
	printf("write at the last byte: %d\n", (int)(lseek(fd, MAXSIZE - 1, SEEK_SET), write(fd, "y", 1)));
	fstat(fd, &st);
	printf("size %d\n", (int)st.st_size);
	errno = 0;
	n = write(fd, "z", 1);
	printf("write past it: %d errno %d\n", n, errno);
	lseek(fd, MAXSIZE - 3, SEEK_SET);
	n = write(fd, "abcdef", 6);
	printf("write across it: %d\n", n);
	errno = 0;
	n = write(fd, "g", 1);
	printf("then: %d errno %d\n", n, errno);
	close(fd);
	printf("unlink: %d\n", unlink("f"));
	return 0;
}
