/*
 * malloc on sbrk: a first-fit free list kept in address order, so free
 * can merge a block with both neighbours (coalescing) in one pass.
 *
 * Every block starts with a header holding its size in bytes (header
 * included, a multiple of 8) and, while free, the next free block. The
 * low bit of the size marks a block in use, which lets free and realloc
 * refuse pointers that are not live blocks instead of corrupting the list.
 * Memory is taken from the kernel in steps of at least 4 KiB and never
 * given back.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct header {
	unsigned size;		/* bytes, header included; bit 0: in use */
	struct header *next;	/* next free block, by address (free blocks only) */
};

#define HDR sizeof(struct header)
#define INUSE 1u
#define MINGROW 4096

static struct header *freelist;

static void die(const char *msg)
{
	write(2, msg, strlen(msg));
	abort();
}

/* blocksize returns the bytes a request of n needs, or 0 if too big. */
static unsigned blocksize(size_t n)
{
	if (n > 0x7FFFFFF0u - HDR)
		return 0;
	return (n + HDR + 7) & ~7u;
}

/* insert puts a free block into the list, merging it with neighbours. */
static void insert(struct header *b)
{
	struct header *prev = NULL, *cur = freelist;

	while (cur != NULL && cur < b) {
		prev = cur;
		cur = cur->next;
	}
	if (cur != NULL && cur == b)
		die("free: block freed twice\n");
	/* merge with the following block */
	if (cur != NULL && (char *)b + b->size == (char *)cur) {
		b->size += cur->size;
		b->next = cur->next;
	} else
		b->next = cur;
	/* merge with the preceding block */
	if (prev != NULL && (char *)prev + prev->size == (char *)b) {
		prev->size += b->size;
		prev->next = b->next;
	} else if (prev != NULL)
		prev->next = b;
	else
		freelist = b;
}

/* grow adds at least need bytes from the kernel to the free list. */
static int grow(unsigned need)
{
	struct header *b;
	char *p;

	if (need < MINGROW)
		need = MINGROW;
	p = sbrk(0);
	/* keep blocks 8-aligned even if the break is not */
	if ((unsigned)p & 7) {
		if (sbrk(8 - ((unsigned)p & 7)) == (void *)-1)
			return -1;
	}
	p = sbrk(need);
	if (p == (void *)-1)
		return -1;
	b = (struct header *)p;
	b->size = need;
	insert(b);
	return 0;
}

void *malloc(size_t n)
{
	struct header *prev, *b, *rest;
	unsigned need = blocksize(n);

	if (need == 0) {
		errno = ENOMEM;
		return NULL;
	}
	for (;;) {
		prev = NULL;
		for (b = freelist; b != NULL; prev = b, b = b->next) {
			if (b->size < need)
				continue;
			if (b->size - need >= HDR + 8) {
				/* split: the tail stays free in b's place */
				rest = (struct header *)((char *)b + need);
				rest->size = b->size - need;
				rest->next = b->next;
				b->size = need;
				if (prev)
					prev->next = rest;
				else
					freelist = rest;
			} else if (prev)
				prev->next = b->next;
			else
				freelist = b->next;
			b->size |= INUSE;
			b->next = NULL;
			return (char *)b + HDR;
		}
		if (grow(need) < 0) {
			errno = ENOMEM;
			return NULL;
		}
	}
}

/* live returns the header of a block malloc handed out, or dies. */
static struct header *live(void *p, const char *who)
{
	struct header *b = (struct header *)((char *)p - HDR);

	if (((unsigned)p & 7) != 0 || !(b->size & INUSE)) {
		write(2, who, strlen(who));
		die(": not an allocated block\n");
	}
	return b;
}

void free(void *p)
{
	struct header *b;

	if (p == NULL)
		return;
	b = live(p, "free");
	b->size &= ~INUSE;
	insert(b);
}

void *calloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > 0x7FFFFFFFu / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(n * size);
	if (p != NULL)
		memset(p, 0, n * size);
	return p;
}

void *realloc(void *p, size_t n)
{
	struct header *b;
	unsigned have, need;
	void *q;

	if (p == NULL)
		return malloc(n);
	if (n == 0) {
		free(p);
		return NULL;
	}
	b = live(p, "realloc");
	have = b->size & ~INUSE;
	need = blocksize(n);
	if (need == 0) {
		errno = ENOMEM;
		return NULL;
	}
	if (need <= have)
		return p;	/* shrinking in place keeps it simple */
	q = malloc(n);
	if (q == NULL)
		return NULL;
	memcpy(q, p, have - HDR);
	free(p);
	return q;
}
