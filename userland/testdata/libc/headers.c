/* Every header at once, twice, and the constants both systems share. */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	size_t sz = 3;
	pid_t pid = 1;
	ssize_t ss = -1;
	time_t t = 0;
	FILE *f = stdout;

	printf("O_ %o %o %o %o %o %o %o\n", O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND);
	printf("SIG %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d\n", SIGHUP, SIGINT, SIGQUIT, SIGILL,
		SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGKILL, SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM,
		SIGTERM, SIGCHLD);
	printf("SIG_ %d %d\n", SIG_DFL == (void (*)(int))0, SIG_ERR == (void (*)(int))-1);
	printf("E %d %d %d %d %d %d %d\n", EPERM, ENOENT, ECHILD, EAGAIN, ENOMEM, EINVAL, ERANGE);
	printf("EXIT %d %d EOF %d SEEK %d %d %d STD %d %d %d\n", EXIT_SUCCESS, EXIT_FAILURE, EOF,
		SEEK_SET, SEEK_CUR, SEEK_END, STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO);
	printf("stdio %d %d %d\n", fileno(stdin), fileno(f), fileno(stderr));
	printf("%d %d %d %d\n", (int)sz, pid, (int)ss, (int)t);
	printf("%%p of NULL: %p\n", (void *)0);
	return 0;
}
