/*
 * fs_flush: write part of a block (a delayed write), then compute forever
 * (or, with an argument, sleep: the machine idles) without calling sync;
 * the test stops the machine.
 */
#include <fcntl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int fd = creat("/tmp/unsynced", 0644);
	volatile int x = 0;

	write(fd, "delayed but not lost\n", 21);
	close(fd);
	if (argc > 1)
		sleep(1000);
	for (;;)
		x++;
}
