/*
 * fs_enospc: fill the disk. A write that finds no free block reports the
 * bytes it wrote, the next fails with ENOSPC; the files already there are
 * intact; removing the filler gives the space back.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

int main(void)
{
	char buf[1000], back[100];
	int fd, n, total = 0, err = 0, i;

	fd = creat("keep", 0644);
	write(fd, "precious data\n", 14);
	close(fd);

	memset(buf, 'x', sizeof buf);
	fd = creat("fill", 0644);
	for (i = 0; i < 100000; i++) {
		n = write(fd, buf, sizeof buf);
		if (n < 0) {
			err = errno;
			break;
		}
		total += n;
	}
	close(fd);
	printf("filled %d bytes, then errno %d\n", total, err);
	n = creat("more", 0644) >= 0;
	printf("creat on a full disk: %d\n", n);
	fd = open("more", O_WRONLY);
	n = write(fd, "abc", 3);
	printf("write to it: %d errno %d\n", n, errno);
	close(fd);
	unlink("more");
	printf("mkdir on a full disk: %d errno %d\n", mkdir("dfull", 0755), errno);

	fd = open("keep", O_RDONLY);
	n = read(fd, back, sizeof back);
	back[n > 0 ? n : 0] = 0;
	close(fd);
	printf("keep: %s", back);

	unlink("fill");
	fd = creat("again", 0644);
	for (i = 0, total = 0; i < 20; i++)
		total += write(fd, buf, sizeof buf);
	close(fd);
	printf("after unlink: wrote %d\n", total);
	unlink("again");
	return 0;
}
