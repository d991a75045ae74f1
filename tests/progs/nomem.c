/*
 * nomem.c: run the machine out of memory. Each child grows its data as far
 * as it can (sbrk fails with ENOMEM when no free block is big enough: V6
 * images are contiguous) and holds it. Soon a fork fails with ENOMEM too.
 * Once the children are gone, everything works again.
 */
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <sys/wait.h>

static void hog(void)
{
	int step, got = 0;

	for (step = 1 << 20; step >= 4096; step >>= 4)
		while (got < (6 << 20) && sbrk(step) != (void *)-1)
			got += step;
	sleep(20);		/* hold the memory */
	_exit(got < (6 << 20) && errno == ENOMEM ? 12 : 0);
}

int main(void)
{
	int n = 0, pid, status, short_of_memory = 0;

	for (;;) {
		pid = fork();
		if (pid == 0)
			hog();
		if (pid < 0)
			break;
		n++;
		sleep(1);	/* the child grows meanwhile */
	}
	printf("fork failed with %s after some children\n", errno == ENOMEM ? "ENOMEM" : "something else");
	while (wait(&status) > 0)
		if (WEXITSTATUS(status) == 12)
			short_of_memory++;
	printf("children whose sbrk failed with ENOMEM: %s\n", short_of_memory > 0 ? "some" : "none");
	pid = fork();
	if (pid == 0)
		_exit(6);
	wait(&status);
	printf("after they exit, fork works: child exited %d\n", WEXITSTATUS(status));
	return n > 3 ? 0 : 1;
}
