#include <stdio.h>

/* Bit-fields, laid out as gcc does on x86 (System V i386 rules). */
struct pte {
	unsigned present : 1;
	unsigned writable : 1;
	unsigned user : 1;
	unsigned : 9;
	unsigned frame : 20;
};

struct mixed {
	char tag;
	int small : 4; /* signed: -8..7 */
	unsigned wide : 30;
	short s : 3;
	int : 0;
	unsigned char last : 2;
};

union view {
	struct pte pte;
	unsigned word;
};

struct pte global_pte = {1, 0, 1, 0x12345};
struct mixed global_mixed = {'g', -3, 123456, 2, 3};

int main(void)
{
	struct pte p = {0};
	struct mixed m = {'m', 7, 1, -1, 1};
	struct mixed *mp = &m;
	union view v;
	int i;

	p.present = 1;
	p.frame = 0xABCDE;
	p.user = 3; /* truncated to 1 */
	v.pte = p;
	printf("%x %d %d %d %x\n", v.word, p.present, p.writable, p.user, p.frame);
	v.word = 0xFFFFF007;
	printf("%d %d %d %x\n", v.pte.present, v.pte.writable, v.pte.user, v.pte.frame);
	printf("%d %d %u %d %d\n", m.tag, m.small, m.wide, m.s, m.last);
	m.small = 9; /* wraps to -7 */
	m.s = 3;
	mp->wide += 5;
	mp->small++;
	m.last--;
	printf("%d %u %d %d\n", m.small, m.wide, m.s, m.last);
	printf("%d %d %u %d %d\n", global_mixed.tag, global_mixed.small, global_mixed.wide, global_mixed.s, global_mixed.last);
	printf("%x %d\n", global_pte.frame, global_pte.user);
	printf("%d %d %d\n", sizeof(struct pte), sizeof(struct mixed), sizeof(union view));
	for (i = 0; i < 5; i++)
		m.small = m.small * 2 + 1;
	printf("%d %d\n", m.small, (p.frame = 7) + 1);
	printf("%d\n", m.small - 1 < 0);
	return 0;
}
