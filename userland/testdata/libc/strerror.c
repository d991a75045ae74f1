/* strerror's messages are glibc's for every number the kernel uses. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	int e[] = {0, EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF, ECHILD,
		EAGAIN, ENOMEM, EACCES, EFAULT, EBUSY, EEXIST, ENOTDIR, EISDIR, EINVAL, ENFILE,
		EMFILE, ENOTTY, EFBIG, ENOSPC, ESPIPE, EPIPE, EDOM, ERANGE, ENOSYS};
	int i;

	for (i = 0; i < (int)(sizeof e / sizeof e[0]); i++)
		printf("%s\n", strerror(e[i]));
	return 0;
}
