/*
 * <stdlib.h>: number conversion, sorting and searching, rand, and the
 * small process helpers (exit and atexit live in exit.c, malloc in
 * malloc.c).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void _Exit(int status)
{
	_exit(status);
}

/*
 * abort: raise SIGABRT; if a handler returns or the signal is ignored,
 * die by it anyway with the default action (as glibc).
 */
void abort(void)
{
	raise(SIGABRT);
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	_exit(127);
}

void __assert_fail(const char *expr, const char *file, int line)
{
	fprintf(stderr, "%s:%d: Assertion `%s' failed.\n", file, line, expr);
	abort();
}

int abs(int n)
{
	return n < 0 ? -n : n;
}

long labs(long n)
{
	return n < 0 ? -n : n;
}

static int digitval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/*
 * strtoul_ parses what strtol and strtoul share: space, a sign, a base
 * prefix and digits. It returns the magnitude (saturated at max, with
 * *over set) and the sign in *neg; *end is s itself if there are no digits.
 */
static unsigned long strtoul_(const char *s, char **end, int base,
	unsigned long max, int *neg, int *over)
{
	const char *p = s;
	unsigned long v = 0;
	int d, any = 0;

	*neg = 0;
	*over = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)s;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-' || *p == '+')
		*neg = *p++ == '-';
	/* "0x" counts as a prefix only if a hex digit follows; else it is "0" */
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')
		&& digitval((unsigned char)p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0)
		base = p[0] == '0' ? 8 : 10;
	for (; (d = digitval((unsigned char)*p)) < base; p++) {
		any = 1;
		if (*over)
			continue;
		if (v > (max - d) / base) {
			*over = 1;
			v = max;
		} else
			v = v * base + d;
	}
	if (end)
		*end = (char *)(any ? p : s);
	return v;
}

long strtol(const char *s, char **end, int base)
{
	int neg, over;
	/* the magnitude of LONG_MIN is one more than LONG_MAX */
	unsigned long v = strtoul_(s, end, base, (unsigned long)LONG_MAX + 1, &neg, &over);

	if (!neg && v > LONG_MAX) {
		over = 1;
		v = LONG_MAX;
	}
	if (over) {
		errno = ERANGE;
		return neg ? LONG_MIN : LONG_MAX;
	}
	return neg ? -(long)v : (long)v;
}

/* strtoul negates a value with a minus sign, as C says. */
unsigned long strtoul(const char *s, char **end, int base)
{
	int neg, over;
	unsigned long v = strtoul_(s, end, base, ULONG_MAX, &neg, &over);

	if (over) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return neg ? -v : v;
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

static void swap(char *a, char *b, size_t size)
{
	char t;

	while (size-- > 0) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/* siftdown restores the heap property below node i of a heap of n. */
static void siftdown(char *base, size_t i, size_t n, size_t size,
	int (*cmp)(const void *, const void *))
{
	size_t child;

	for (;;) {
		child = 2 * i + 1;
		if (child >= n)
			return;
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + i * size, base + child * size) >= 0)
			return;
		swap(base + i * size, base + child * size, size);
		i = child;
	}
}

/*
 * qsort is a heapsort: O(n log n) in every case, no recursion and no
 * extra memory, which suits a small stack. Like glibc's it is not
 * promised to be stable.
 */
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	char *b = base;
	size_t i;

	if (n < 2 || size == 0)
		return;
	for (i = n / 2; i > 0; i--)
		siftdown(b, i - 1, n, size, cmp);
	for (i = n - 1; i > 0; i--) {
		swap(b, b + i * size, size);
		siftdown(b, 0, i, size, cmp);
	}
}

void *bsearch(const void *key, const void *base, size_t n, size_t size,
	int (*cmp)(const void *, const void *))
{
	const char *b = base;
	size_t lo = 0, hi = n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = cmp(key, b + mid * size);
		if (c == 0)
			return (void *)(b + mid * size);
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/*
 * rand is glibc's default generator (TYPE_3: additive feedback over 31
 * words, seeded by a Lehmer generator), so a program prints the same
 * "random" numbers here as on Linux.
 */
static int rtab[34];
static int rpos;	/* rtab holds the last 34 values; rpos indexes the oldest */
static int seeded;

void srand(unsigned seed)
{
	int i, word, hi, lo;

	if (seed == 0)
		seed = 1;
	word = seed;
	rtab[0] = word;
	for (i = 1; i < 31; i++) {
		/* word = 16807 * word % (2^31 - 1) without overflow (Schrage) */
		hi = word / 127773;
		lo = word % 127773;
		word = 16807 * lo - 2836 * hi;
		if (word < 0)
			word += 2147483647;
		rtab[i] = word;
	}
	for (i = 31; i < 34; i++)
		rtab[i] = rtab[i - 31];
	rpos = 0;
	seeded = 1;
	for (i = 34; i < 344; i++)
		rand();
}

int rand(void)
{
	unsigned v;

	if (!seeded)
		srand(1);
	/* r[k] = r[k-31] + r[k-3]; with 34 slots, r[k-34] is replaced */
	v = (unsigned)rtab[(rpos + 3) % 34] + (unsigned)rtab[(rpos + 31) % 34];
	rtab[rpos] = v;
	rpos = (rpos + 1) % 34;
	return v >> 1;
}

char *getenv(const char *name)
{
	size_t n = strlen(name);
	char **e;

	if (environ == NULL)
		return NULL;
	for (e = environ; *e; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}
