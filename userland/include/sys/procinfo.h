#ifndef _SYS_PROCINFO_H
#define _SYS_PROCINFO_H

/*
 * getproc(slot, &info) reads one entry of the kernel's process table, for
 * ps: it returns 1 if the slot is in use, 0 if it is free, -1 past the end
 * (NPROC slots). Fields are V6++'s Process fields.
 */
struct procinfo {
	int pid, ppid;
	int stat;		/* SSLEEP 1, SWAIT 2, SRUN 3, SIDL 4, SZOMB 5, SSTOP 6 */
	int flag;		/* SLOAD 1, SSYS 2 */
	int pri, cpu, nice, time;
	unsigned size;		/* image bytes: u area + data + stack */
	unsigned wchan;		/* what it sleeps on (a kernel address) */
	char comm[16];
};

#define NPROC 100

int getproc(int slot, struct procinfo *info);

/*
 * cowstat(stats) fills stats[0] with the pages copy-on-write forks have
 * shared so far, stats[1] with those copied on a write since, stats[2]
 * with the bytes of free memory (all 0 but the last without --cow).
 */
int cowstat(unsigned *stats);

#endif
