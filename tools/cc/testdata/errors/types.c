/* Type errors: each ERROR comment follows the token the error is at. */
struct s { int a; };
struct s2 { int b; };
union u { int i; };

int f(int a, int b);
int g(void);
void v(void);

int bad_operands(struct s x, int *p, int *q, char *c)
{
	int i;
	i = x +/* ERROR "invalid operands to binary \+ \(have 'struct s' and 'int'\)" */ 1;
	i = p *=/* ERROR "invalid operands to binary \*" */ 2;
	i = p +/* ERROR "invalid operands to binary \+" */ q;
	i = c -/* ERROR "invalid operands to binary -" */ p;
	i = p ==/* ERROR "comparison of distinct pointer types" */ c;
	i = p </* ERROR "comparison between pointer and integer" */ 3;
	i = ~/* ERROR "wrong type argument to unary ~" */ p;
	i = x.c/* ERROR "'struct s' has no member named 'c'" */;
	i = i./* ERROR "request for member 'a' in something not a structure or union" */a;
	i = i->/* ERROR "invalid type argument of '->'" */a;
	i = */* ERROR "invalid type argument of unary '\*' \(have 'int'\)" */i;
	return i;
}

int bad_assign(struct s x, struct s2 y, int *p, char *c)
{
	int a[3];
	x = y/* ERROR "incompatible types in assignment: 'struct s' from 'struct s2'" */;
	p = c/* ERROR "incompatible pointer types in assignment" */;
	p = 5/* ERROR "assignment makes pointer from integer without a cast" */;
	p = 0;
	a =/* ERROR "assignment to expression with array type" */ p;
	3 =/* ERROR "lvalue required as left operand of assignment" */ 4;
	g =/* ERROR "lvalue required" */ 0;
	++/* ERROR "lvalue required as increment operand" */3;
	p = &/* ERROR "lvalue required as unary '&' operand" */3;
	return p/* ERROR "return makes integer from pointer without a cast" */;
}

void bad_calls(int *p)
{
	int i;
	i = f/* ERROR "too few arguments to function 'f'" */(1);
	i = f(1, 2, 3/* ERROR "too many arguments to function 'f'" */);
	i = f(p/* ERROR "argument passing makes integer from pointer" */, 1);
	i = i(/* ERROR "called object is not a function or function pointer" */);
	i = v/* ERROR "incompatible types in assignment: 'int' from 'void'" */();
	i = undefined_fn/* ERROR "implicit declaration of function 'undefined_fn'" */(3);
	i = nothing/* ERROR "'nothing' undeclared" */ + 1;
	i = sizeof/* ERROR "invalid application of 'sizeof' to incomplete type 'struct missing'" */(struct missing);
	i = (/* ERROR "conversion to non-scalar type 'struct s' requested" */struct s) 1;
	if (*p)
		return/* ERROR "'return' with a value in function returning void" */ 1;
	return;
}

int scalar_needed(struct s x)
{
	if (x/* ERROR "used struct s where a scalar is required" */)
		return 1;
	while (x/* ERROR "used struct s where a scalar is required" */)
		;
	return x/* ERROR "incompatible types in return" */;
}

/* One mistake, one message: nothing more is said about an erroneous operand. */
int cascades(struct s x, int *p)
{
	x.nope/* ERROR "'struct s' has no member named 'nope'" */[0] = 1;
	p = missing/* ERROR "'missing' undeclared" */->a.b[3] + x.a;
	return *x.gone/* ERROR "'struct s' has no member named 'gone'" */ ? p[2] : 0;
}

/* Likely typos get a suggestion. */
struct proc { int pid; char name[8]; };
int counter;
int suggestions(struct proc *p)
{
	p->nam/* ERROR "'struct proc' has no member named 'nam' \(did you mean 'name'\?\)" */[0] = 'x';
	p->zzzzzz/* ERROR "no member named 'zzzzzz'$" */ = 1;
	counter = fork/* ERROR "implicit declaration of function 'fork' \(did you #include <unistd.h>\?\)" */();
	return coutner/* ERROR "'coutner' undeclared \(did you mean 'counter'\?\)" */ + prnitf/* ERROR "implicit declaration of function 'prnitf'$" */(1);
}
