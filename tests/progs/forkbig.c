/* forkbig.c: N rounds of fork (or vfork), _exit, wait by a process with
 * KB KiB of data, each page touched once -- the benchmark of V6++'s
 * copying fork against vfork and copy-on-write fork.
 * Usage: forkbig N KB [vfork] */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	int i, n = argc > 1 ? atoi(argv[1]) : 10;
	int kb = argc > 2 ? atoi(argv[2]) : 4096;
	int use_vfork = argc > 3 && strcmp(argv[3], "vfork") == 0;
	char *big = sbrk(kb * 1024);

	if (big == (char *)-1)
		return 2;
	for (i = 0; i < kb * 1024; i += 4096)
		big[i] = 1;
	for (i = 0; i < n; i++) {
		int pid = use_vfork ? vfork() : fork();
		if (pid == 0)
			_exit(0);
		if (pid < 0 || wait(0) != pid)
			return 1;
	}
	return 0;
}
