/*
 * fs_tty: the console as a special file, /dev/tty (a character device,
 * major 0): written and read through the file system's device switch.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

int main(void)
{
	struct stat st;
	char buf[100];
	int fd, n;

	fd = open("/dev/tty", O_RDWR);
	if (fd < 0) {
		printf("open /dev/tty: errno %d\n", errno);
		return 1;
	}
	write(fd, "written to /dev/tty\n", 20);
	fstat(fd, &st);
	printf("char device %d, rdev %d, size %d\n", S_ISCHR(st.st_mode), st.st_rdev, (int)st.st_size);
	n = lseek(fd, 0, SEEK_SET);
	printf("lseek: %d errno %d\n", n, errno);
	n = read(fd, buf, sizeof buf - 1);
	buf[n > 0 ? n : 0] = 0;
	printf("read %d: %s", n, buf);
	fstat(1, &st);
	printf("stdout is a char device: %d\n", S_ISCHR(st.st_mode));
	printf("mknod: %d\n", mknod("/tmp/tty2", S_IFCHR | 0600, 0));
	close(fd);
	fd = open("/tmp/tty2", O_WRONLY);
	write(fd, "and through /tmp/tty2\n", 22);
	close(fd);
	unlink("/tmp/tty2");
	return 0;
}
