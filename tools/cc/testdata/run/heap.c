#include <stdio.h>
#include <string.h>

/* A first-fit allocator over a static arena, as an OS course writes it. */
typedef struct header {
	unsigned size; /* bytes of payload */
	int free;
	struct header *next;
} header;

static union {
	char bytes[4096];
	int align;
} arena;
static header *first;

void *my_alloc(unsigned n)
{
	header *h;
	n = (n + 7) & ~7u;
	if (!first) {
		first = (header *)arena.bytes;
		first->size = sizeof arena - sizeof(header);
		first->free = 1;
		first->next = 0;
	}
	for (h = first; h; h = h->next) {
		if (!h->free || h->size < n)
			continue;
		if (h->size >= n + sizeof(header) + 8) {
			header *rest = (header *)((char *)(h + 1) + n);
			rest->size = h->size - n - sizeof(header);
			rest->free = 1;
			rest->next = h->next;
			h->next = rest;
			h->size = n;
		}
		h->free = 0;
		return h + 1;
	}
	return 0;
}

void my_free(void *p)
{
	header *h = (header *)p - 1, *q;
	h->free = 1;
	for (q = first; q; q = q->next)
		while (q->free && q->next && q->next->free) {
			q->size += sizeof(header) + q->next->size;
			q->next = q->next->next;
		}
}

int blocks(void)
{
	int n = 0;
	header *h;
	for (h = first; h; h = h->next)
		n++;
	return n;
}

struct item {
	int key;
	char name[12];
	struct item *next;
};

int main(void)
{
	struct item *list = 0, *it;
	char *a, *b, *c;
	int i;
	static const char *names[] = {"zero", "one", "two", "three", "four"};

	for (i = 0; i < 5; i++) {
		it = my_alloc(sizeof *it);
		it->key = i * i;
		strcpy(it->name, names[i]);
		it->next = list;
		list = it;
	}
	for (it = list; it; it = it->next)
		printf("%s=%d ", it->name, it->key);
	printf("\nblocks %d\n", blocks());
	a = my_alloc(100);
	b = my_alloc(200);
	c = my_alloc(50);
	memset(b, 'x', 199);
	b[199] = 0;
	printf("%d %d\n", strlen(b), b - a >= 100);
	my_free(b);
	my_free(a);
	printf("blocks %d\n", blocks());
	a = my_alloc(250);
	printf("reused %d\n", a != 0 && (char *)a < c);
	printf("huge %d\n", my_alloc(5000) == 0);
	return 0;
}
