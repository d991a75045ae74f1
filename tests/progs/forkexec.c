/* forkexec.c: N rounds of fork, exec of /bin/true, wait -- the
 * fork+exec+wait benchmark's workload. */
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	int i, n = argc > 1 ? atoi(argv[1]) : 10;
	char *args[] = {"true", 0};

	for (i = 0; i < n; i++) {
		int pid = fork();
		if (pid == 0) {
			execve("/bin/true", args, 0);
			_exit(127);
		}
		if (pid < 0 || wait(0) != pid)
			return 1;
	}
	return 0;
}
