/* pipebulk.c: a child writes N KiB into a pipe in 4 KiB writes, the parent
 * reads it all -- the pipe benchmark's workload. */
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static char buf[4096];

int main(int argc, char **argv)
{
	int kb = argc > 1 ? atoi(argv[1]) : 1024, fd[2], i, n;
	long total = 0;

	if (pipe(fd) < 0)
		return 1;
	if (fork() == 0) {
		close(fd[0]);
		for (i = 0; i < kb / 4; i++)
			write(fd[1], buf, sizeof buf);
		_exit(0);
	}
	close(fd[1]);
	while ((n = read(fd[0], buf, sizeof buf)) > 0)
		total += n;
	wait(0);
	return total == (long)kb * 1024 ? 0 : 1;
}
