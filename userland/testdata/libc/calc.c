// args: 1+2*3 (1+2)*3 -7/2 2*(3+4)*(5-1) 100%7 0x10+010 -(-5) 1/0 2*
/* A recursive-descent calculator over its arguments, numbers by strtol. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *p;
static int err;

static long expr(void);

static long factor(void)
{
	char *end;
	long v;

	if (*p == '(') {
		p++;
		v = expr();
		if (*p != ')')
			err = 1;
		else
			p++;
		return v;
	}
	if (*p == '-') {
		p++;
		return -factor();
	}
	v = strtol(p, &end, 0);
	if (end == p)
		err = 1;
	p = end;
	return v;
}

static long term(void)
{
	long v = factor(), r;
	char op;

	while (*p == '*' || *p == '/' || *p == '%') {
		op = *p++;
		r = factor();
		if (op == '*')
			v *= r;
		else if (r == 0)
			err = 2;
		else if (op == '/')
			v /= r;
		else
			v %= r;
	}
	return v;
}

static long expr(void)
{
	long v = term();

	while (*p == '+' || *p == '-')
		if (*p++ == '+')
			v += term();
		else
			v -= term();
	return v;
}

int main(int argc, char **argv)
{
	int i;
	long v;

	for (i = 1; i < argc; i++) {
		p = argv[i];
		err = 0;
		v = expr();
		if (*p)
			err = 1;
		if (err == 2)
			printf("%s: division by zero\n", argv[i]);
		else if (err)
			printf("%s: syntax error at [%s]\n", argv[i], p);
		else
			printf("%s = %ld\n", argv[i], v);
	}
	return argc - 1;
}
