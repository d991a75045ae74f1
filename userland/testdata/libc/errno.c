/* errno after failing system calls, and perror (on the console too). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	char c;
	int r;

	setbuf(stdout, NULL);	/* keep stdout and stderr in order on Linux */
	errno = 0;
	r = close(57);
	printf("close: %d errno %d %s\n", r, errno == EBADF, strerror(errno));
	r = write(42, "x", 1);
	printf("write: %d errno %d\n", r, errno == EBADF);
	r = read(-1, &c, 1);
	printf("read: %d errno %d\n", r, errno == EBADF);
	r = wait(NULL);
	printf("wait: %d errno %d\n", r, errno == ECHILD);
	r = dup(99);
	printf("dup: %d errno %d\n", r, errno == EBADF);
	errno = ENOENT;
	perror("perror says");
	errno = EINTR;
	perror("");
	errno = 0;
	r = getpid() > 0;
	printf("success leaves errno: %d %d\n", r, errno);
	return 0;
}
