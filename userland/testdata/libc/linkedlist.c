/* A sorted linked list with insert/delete/reverse, checked against an array. */
#include <stdio.h>
#include <stdlib.h>

struct node {
	int v;
	struct node *next;
};

static struct node *insert(struct node *h, int v)
{
	struct node **pp = &h, *n;

	while (*pp && (*pp)->v < v)
		pp = &(*pp)->next;
	n = malloc(sizeof *n);
	n->v = v;
	n->next = *pp;
	*pp = n;
	return h;
}

static struct node *delete(struct node *h, int v, int *found)
{
	struct node **pp = &h, *d;

	*found = 0;
	while (*pp && (*pp)->v != v)
		pp = &(*pp)->next;
	if (*pp) {
		d = *pp;
		*pp = d->next;
		free(d);
		*found = 1;
	}
	return h;
}

static struct node *reverse(struct node *h)
{
	struct node *r = NULL, *n;

	while (h) {
		n = h->next;
		h->next = r;
		r = h;
		h = n;
	}
	return r;
}

int main(void)
{
	struct node *h = NULL, *p;
	int i, v, found, len = 0, dels = 0, sum = 0;

	srand(99);
	for (i = 0; i < 400; i++) {
		v = rand() % 200;
		if (rand() % 3) {
			h = insert(h, v);
			len++;
		} else {
			h = delete(h, v, &found);
			len -= found;
			dels += found;
		}
	}
	for (p = h, i = 0; p; p = p->next, i++) {
		sum += p->v * (i % 7);
		if (p->next && p->v > p->next->v)
			printf("out of order at %d\n", i);
	}
	printf("len %d counted %d deletes %d sum %d\n", len, i, dels, sum);
	h = reverse(h);
	for (p = h, i = 0; p && i < 10; p = p->next, i++)
		printf("%d ", p->v);
	printf("\n");
	while (h) {
		p = h->next;
		free(h);
		h = p;
	}
	return 0;
}
