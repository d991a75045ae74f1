/*
 * fs_io: a parent reads a file from the disk while its child computes;
 * the parent sleeps on each buffer, and the child gets the processor.
 */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	static char buf[100000];
	int fd, n, total = 0, pid, status;
	volatile int i, x = 0;

	fd = creat("data", 0644);
	write(fd, buf, sizeof buf);
	close(fd);
	sync();
	/* Forget the cached blocks: fill the cache with another file. */
	fd = creat("other", 0644);
	write(fd, buf, 40000);
	close(fd);
	sync();

	pid = fork();
	if (pid == 0) {
		for (i = 0; i < 300000; i++)
			x += i;
		printf("child counted\n");
		_exit(0);
	}
	fd = open("data", O_RDONLY);
	while ((n = read(fd, buf, 512)) > 0)
		total += n;
	close(fd);
	printf("read %d bytes\n", total);
	waitpid(pid, &status, 0);
	unlink("data");
	unlink("other");
	return 0;
}
