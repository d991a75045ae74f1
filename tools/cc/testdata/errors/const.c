/* const: assignments through const are refused. */
const int limit = 10;
const char *msg = "hi";
char *const fixed = 0;
const int table[3] = {1, 2, 3};
struct point { int x, y; };
const struct point origin = {0, 0};

void f(const char *s, char *t, const struct point *pp)
{
	const int local = 1;
	static const int slocal = 2;
	int x;
	limit =/* ERROR "assignment of read-only variable 'limit'" */ 3;
	local +=/* ERROR "assignment of read-only variable 'local'" */ 1;
	slocal++/* ERROR "increment of read-only variable 'slocal'" */;
	--/* ERROR "decrement of read-only variable 'local'" */local;
	*s =/* ERROR "assignment of read-only location" */ 'x';
	s[1] =/* ERROR "assignment of read-only location" */ 'y';
	msg[0] =/* ERROR "assignment of read-only location" */ 'z';
	fixed =/* ERROR "assignment of read-only variable 'fixed'" */ t;
	table[1] =/* ERROR "assignment of read-only location" */ 5;
	origin.x =/* ERROR "assignment of read-only member 'x'" */ 1;
	pp->y =/* ERROR "assignment of read-only member 'y'" */ 2;
	*&limit =/* ERROR "assignment of read-only location" */ 4;
	/* All fine: */
	s = t;
	msg = "other";
	*fixed = 'w';
	t[0] = *s;
	x = limit + table[2] + origin.y + pp->x;
	*(char *)s = 'c';
}
