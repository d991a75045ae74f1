/*
 * C interfaces over system calls whose kernel form differs: time over
 * __time, brk and sbrk over __brk, raise over kill, and times.
 */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

int __time(void);
int __brk(void *addr);

time_t time(time_t *t)
{
	time_t now = __time();

	if (t)
		*t = now;
	return now;
}

/* brk(0) returns the current break, as V6++'s; otherwise 0 or -1. */
int brk(void *addr)
{
	int r = __brk(addr);

	if (addr == 0 || r < 0)
		return r;
	return 0;
}

/* sbrk moves the break by incr and returns the old one. */
void *sbrk(int incr)
{
	int old = __brk(0);

	if (old < 0)
		return (void *)-1;
	if (incr != 0 && __brk((char *)old + incr) < 0)
		return (void *)-1;
	return (void *)old;
}

int raise(int sig)
{
	return kill(getpid(), sig);
}
