/* Declaration errors. */
int x;
char x/* ERROR "conflicting types for 'x'" */;
int f(int);
int f/* ERROR "conflicting types for 'f'" */(char *);
int h(void) { return 0; }
int h/* ERROR "redefinition of 'h'" */(void) { return 1; }
float/* ERROR "floating-point types are not supported" */ ratio;
double/* ERROR "floating-point types are not supported" */ half(void);
long long/* ERROR "long long is not supported" */ big;
struct node { int v; struct node *next; };
struct node/* ERROR "redefinition of 'struct node'" */ { int w; };
struct dup { int a; char a/* ERROR "duplicate member 'a'" */; };
struct bits {
	int flag : 33/* ERROR "width of bit-field 'flag' exceeds its type" */;
	int named : 0/* ERROR "zero width for bit-field 'named'" */;
	char *p/* ERROR "bit-field 'p' has invalid type 'char \*'" */ : 2;
	unsigned ok : 3;
};
int bit_misuse(struct bits *b)
{
	int *q = &/* ERROR "cannot take address of bit-field 'ok'" */b->ok;
	return sizeof/* ERROR "'sizeof' applied to a bit-field" */ b->ok;
}
struct incomplete;
struct incomplete global/* ERROR "storage size of 'global' isn't known" */;
void nothing/* ERROR "variable 'nothing' declared void" */;
int arr[-/* ERROR "size of array is negative" */1];
int n = 3;
int vla[n/* ERROR "array size is not an integer constant" */];
int notconst = n/* ERROR "initializer element is not constant" */;
int toomany[2] = {1, 2, 3/* ERROR "excess elements in array initializer" */};
char shortstr[2] = "abc"/* ERROR "initializer-string for array of chars is too long" */;
struct node bad = {.w/* ERROR "'struct node' has no member named 'w'" */ = 1};
unsigned signed/* ERROR "invalid combination of type specifiers" */ mixed;
enum e { A, B = x/* ERROR "enumerator value for 'B' is not an integer constant" */ };
typedef int T;
T T2;
int T/* ERROR "redeclaration of 'T'" */;

void locals(void)
{
	int a;
	char a/* ERROR "redeclaration of 'a'" */;
	struct incomplete s/* ERROR "storage size of 's' isn't known" */;
	{
		int a = 1; /* shadowing is fine */
	}
}

int knr(a/* ERROR "old-style \(K&R\) parameter lists are not supported" */, b) int a, b; { return a + b; }
int half_value = 1.5/* ERROR "floating-point constants are not supported" */;
int hexfloat = 0x1p3/* ERROR "floating-point constants are not supported" */;
int badnum = 09/* ERROR "invalid integer constant 09" */;
int toobig = 4294967296/* ERROR "integer constant 4294967296 is too large" */;
char huge[/* ERROR "array is too large" */1 << 30];
int lazy[1 << 20] = {[1000] = 1}; /* fine: elements are made on demand */

void recovery(void)
{
	struct { int f int/* ERROR "expected ',' or ';', found 'int'" */; } local;
	int after = 1; /* parsed normally after the bad declaration */
	after++;
}
struct { int g int/* ERROR "expected ',' or ';', found 'int'" */; } global_after_error;
int fine_after_that;
struct flex { int n; char data[]; };
struct flex flexed = { 1, { [0/* ERROR "array index in initializer is not a constant in bounds" */] = 'a' } };
int bounded[2] = { [2/* ERROR "array index in initializer is not a constant in bounds" */] = 1 };
