/* A failing exec returns -1 with errno, and the process carries on. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	char *argv[] = {"nothing", NULL};
	int r;

	r = execv("/no/such/program", argv);
	printf("execv: %d %d\n", r, errno == ENOENT);
	errno = 0;
	r = execl("/no-such-program", "x", "y", (char *)0);
	printf("execl: %d %d\n", r, errno == ENOENT);
	errno = 0;
	r = execvp("/no-such-either", argv);
	printf("execvp: %d %d\n", r, errno == ENOENT);
	return 0;
}
