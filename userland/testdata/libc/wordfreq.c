// input: the cat sat on the mat
// input: The Cat and the hat
// input:   a cat, a hat; a MAT!
/* Word frequencies from stdin: a hash table of malloc'd nodes, then qsort. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct word {
	char *text;
	int count;
	struct word *next;
};

#define NBUCKET 17

static struct word *table[NBUCKET];
static int nwords;

static unsigned hash(const char *s)
{
	unsigned h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h % NBUCKET;
}

static void add(const char *w)
{
	unsigned h = hash(w);
	struct word *p;

	for (p = table[h]; p; p = p->next)
		if (strcmp(p->text, w) == 0) {
			p->count++;
			return;
		}
	p = malloc(sizeof *p);
	p->text = strdup(w);
	p->count = 1;
	p->next = table[h];
	table[h] = p;
	nwords++;
}

static int bycount(const void *a, const void *b)
{
	const struct word *x = *(struct word *const *)a, *y = *(struct word *const *)b;

	if (x->count != y->count)
		return y->count - x->count;
	return strcmp(x->text, y->text);
}

int main(void)
{
	char line[256], w[64];
	struct word **all, *p;
	int i, n, k;

	while (fgets(line, sizeof line, stdin)) {
		for (i = 0; line[i];) {
			while (line[i] && !isalpha((unsigned char)line[i]))
				i++;
			for (k = 0; isalpha((unsigned char)line[i]) && k < 63; i++)
				w[k++] = tolower((unsigned char)line[i]);
			w[k] = 0;
			if (k > 0)
				add(w);
		}
	}
	all = calloc(nwords, sizeof *all);
	n = 0;
	for (i = 0; i < NBUCKET; i++)
		for (p = table[i]; p; p = p->next)
			all[n++] = p;
	qsort(all, n, sizeof *all, bycount);
	for (i = 0; i < n; i++)
		printf("%-4s %d\n", all[i]->text, all[i]->count);
	for (i = 0; i < n; i++) {
		free(all[i]->text);
		free(all[i]);
	}
	free(all);
	return 0;
}
