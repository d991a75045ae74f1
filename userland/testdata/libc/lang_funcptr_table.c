/* A table of function pointers driving a tiny stack calculator, and a
 * function returning a function pointer. */
#include <stdio.h>

static int stack[16], sp;

static void push(int v) { stack[sp++] = v; }
static int pop(void) { return stack[--sp]; }
static void add(void) { push(pop() + pop()); }
static void mul(void) { push(pop() * pop()); }
static void sub(void) { int b = pop(); push(pop() - b); }
static void neg(void) { push(-pop()); }

static struct {
	char op;
	void (*fn)(void);
} ops[] = {{'+', add}, {'*', mul}, {'-', sub}, {'~', neg}};

static void (*lookup(char c))(void)
{
	unsigned i;

	for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (ops[i].op == c)
			return ops[i].fn;
	return 0;
}

int main(void)
{
	const char *prog = "34+5*2-~";
	const char *p;

	for (p = prog; *p; p++) {
		if (*p >= '0' && *p <= '9')
			push(*p - '0');
		else
			lookup(*p)();
		printf("after '%c': top %d depth %d\n", *p, stack[sp - 1], sp);
	}
	return 0;
}
