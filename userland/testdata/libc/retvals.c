/* Successful system calls return what C says: 0 from close, kill, sleep. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	int fd;

	setbuf(stdout, NULL);
	fd = dup(1);
	printf("close %d\n", close(fd));
	printf("kill 0 %d\n", kill(getpid(), 0));
	signal(SIGUSR1, SIG_IGN);
	printf("kill %d\n", kill(getpid(), SIGUSR1));
	printf("raise %d\n", raise(SIGUSR1));
	printf("sleep %u\n", sleep(0));
	return 0;
}
