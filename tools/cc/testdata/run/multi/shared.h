#ifndef SHARED_H
#define SHARED_H
struct counter {
	int hits;
	const char *name;
};
extern struct counter counters[2];
extern int total;
void bump(int which, int by);
static int helper(int x) { return x + 1; } /* one copy per file */
static inline int twice(int x) { return 2 * x; }
#endif
