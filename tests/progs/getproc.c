/* getproc.c: the process table as ps sees it. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/procinfo.h>

static const char *states[] = {"free", "SSLEEP", "SWAIT", "SRUN", "SIDL", "SZOMB", "SSTOP"};

int main(void)
{
	struct procinfo p;
	int slot, pid = fork();

	if (pid == 0) {
		sleep(1);
		_exit(0);
	}
	sleep(0);	/* let the child reach its sleep */
	for (slot = 0; getproc(slot, &p) >= 0; slot++) {
		if (p.stat == 0)
			continue;
		printf("slot %d: pid %d ppid %d %s %s%s\n", slot, p.pid, p.ppid, states[p.stat], p.comm,
		       p.pid == getpid() ? " (me)" : "");
	}
	wait(0);
	return slot == NPROC ? 0 : 1;
}
