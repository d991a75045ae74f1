/*
 * fs_flush: write part of a block (a delayed write), then compute forever
 * without calling sync; the test stops the machine.
 */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = creat("/tmp/unsynced", 0644);
	volatile int x = 0;

	write(fd, "delayed but not lost\n", 21);
	close(fd);
	for (;;)
		x++;
}
