/*
 * wild.c: wild pointers passed to system calls fail with EFAULT, and the
 * program goes on.
 */
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/times.h>

static void check(const char *what, int r)
{
	printf("%s: %s\n", what, r == -1 && errno == EFAULT ? "EFAULT" : "NOT EFAULT");
}

int main(void)
{
	char *argv[] = {"x", 0};
	char *badargv[] = {(char *)0x10, 0};

	check("write from page 0", write(1, (void *)0x10, 4));
	check("write from kernel memory", write(1, (void *)0xC0100000, 4));
	check("write past user space", write(1, (void *)0x7FFFFFF0, 64));
	check("read into the text segment", read(0, (void *)0x1000, 4));
	if (fork() == 0)
		_exit(0);
	check("wait status into kernel memory", wait((int *)0xC0000000));
	wait(0);
	check("execve with a bad path", execve((char *)0xC0000000, argv, 0));
	check("execve with a bad argv", execve("/wild", (char **)0xC0000000, 0));
	check("execve with a bad argv string", execve("/wild", badargv, 0));
	check("times into page 0", times((struct tms *)0x4));
	printf("still running\n");
	return 0;
}
