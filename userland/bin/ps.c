/*
 * ps: list the processes, from the kernel's process table (getproc).
 *
 * The columns are V6++'s Process fields: p_pid, p_ppid, p_stat, p_pri,
 * p_cpu, p_nice, p_size and the command's name. A system booted with
 * copy-on-write fork (--cow) adds its counters of pages shared and copied.
 */
#include <stdio.h>
#include <sys/procinfo.h>

int main(void)
{
	static char states[] = "?SWRIZT";	/* SSLEEP 1 ... SSTOP 6 */
	struct procinfo p;
	unsigned cow[3];
	int slot, r;

	printf("  PID  PPID S  PRI  CPU NICE   SIZE CMD\n");
	for (slot = 0; (r = getproc(slot, &p)) >= 0; slot++) {
		if (r == 0)
			continue;
		p.comm[sizeof p.comm - 1] = '\0';
		printf("%5d %5d %c %4d %4d %4d %6u %s\n", p.pid, p.ppid,
			p.stat > 0 && p.stat <= 6 ? states[p.stat] : '?',
			p.pri, p.cpu, p.nice, p.size, p.comm);
	}
	if (cowstat(cow) == 0 && cow[0] > 0)
		printf("copy-on-write fork: %u pages shared, %u copied on write\n", cow[0], cow[1]);
	return 0;
}
