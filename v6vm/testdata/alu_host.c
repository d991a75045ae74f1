// alu_host runs x86 ALU instructions on the host CPU over edge values and
// prints their results and flags, one line per case:
//
//	op a b cin result high flags
//
// (hex; cin 1 means CF ZF SF OF were all set before, 0 all clear; high is
// EDX for the one-operand multiplies; flags are EFLAGS & (CF|ZF|SF|OF)).
// alu_host_test.go compiles it with gcc and checks v6vm against it.
// Build with -mno-red-zone: the inline asm pushes below the stack pointer.
#include <stdint.h>
#include <stdio.h>

typedef uint32_t u32;
typedef uint64_t u64;

#define FLAGS 0x8c1UL

static const u32 vals[] = {0, 1, 2, 0x7f, 0x80, 0x7fff, 0x8000, 0x7ffffffe, 0x7fffffff,
	0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0x12345678, 0xdeadbeef, 0x55555555};
static const u32 counts[] = {0, 1, 2, 7, 15, 16, 30, 31, 32, 33, 63, 255};

#define N(a) (sizeof(a) / sizeof((a)[0]))

#define BIN(name, ins)                                                          \
	static u64 name(u32 *a, u32 b, u64 fin) {                               \
		u64 f;                                                          \
		__asm__ volatile("push %[fin]\n\tpopfq\n\t" ins " %[b], %[a]\n\t" \
				 "pushfq\n\tpop %[f]"                            \
				 : [a] "+r"(*a), [f] "=&r"(f)                    \
				 : [b] "r"(b), [fin] "r"(fin)                    \
				 : "cc", "memory");                              \
		return f;                                                       \
	}

#define SH(name, ins)                                                           \
	static u64 name(u32 *a, u32 b, u64 fin) {                               \
		u64 f;                                                          \
		__asm__ volatile("push %[fin]\n\tpopfq\n\t" ins " %%cl, %[a]\n\t" \
				 "pushfq\n\tpop %[f]"                            \
				 : [a] "+r"(*a), [f] "=&r"(f)                    \
				 : "c"(b), [fin] "r"(fin)                        \
				 : "cc", "memory");                              \
		return f;                                                       \
	}

#define UN(name, ins)                                                           \
	static u64 name(u32 *a, u32 b, u64 fin) {                               \
		u64 f;                                                          \
		(void)b;                                                        \
		__asm__ volatile("push %[fin]\n\tpopfq\n\t" ins " %[a]\n\t"       \
				 "pushfq\n\tpop %[f]"                            \
				 : [a] "+r"(*a), [f] "=&r"(f)                    \
				 : [fin] "r"(fin)                                \
				 : "cc", "memory");                              \
		return f;                                                       \
	}

#define MUL1(name, ins)                                                         \
	static u64 name(u32 *a, u32 *hi, u32 b, u64 fin) {                      \
		u64 f;                                                          \
		__asm__ volatile("push %[fin]\n\tpopfq\n\t" ins " %[b]\n\t"       \
				 "pushfq\n\tpop %[f]"                            \
				 : "+a"(*a), "=d"(*hi), [f] "=&r"(f)             \
				 : [b] "r"(b), [fin] "r"(fin)                    \
				 : "cc", "memory");                              \
		return f;                                                       \
	}

BIN(op_add, "addl")
BIN(op_adc, "adcl")
BIN(op_sub, "subl")
BIN(op_sbb, "sbbl")
BIN(op_cmp, "cmpl")
BIN(op_and, "andl")
BIN(op_or, "orl")
BIN(op_xor, "xorl")
BIN(op_test, "testl")
BIN(op_imul2, "imull")
SH(op_shl, "shll")
SH(op_shr, "shrl")
SH(op_sar, "sarl")
UN(op_neg, "negl")
UN(op_inc, "incl")
UN(op_dec, "decl")
UN(op_not, "notl")
MUL1(op_mul, "mull")
MUL1(op_imul1, "imull")

typedef u64 (*fn)(u32 *, u32, u64);

static void run(const char *name, fn f, const u32 *bs, size_t nb) {
	for (size_t i = 0; i < N(vals); i++)
		for (size_t j = 0; j < nb; j++)
			for (int cin = 0; cin < 2; cin++) {
				u32 a = vals[i];
				u64 fl = f(&a, bs[j], cin ? FLAGS : 0);
				printf("%s %08x %08x %d %08x %08x %03lx\n", name, vals[i], bs[j], cin, a, 0u,
				       (unsigned long)(fl & FLAGS));
			}
}

static void run1(const char *name, u64 (*f)(u32 *, u32 *, u32, u64)) {
	for (size_t i = 0; i < N(vals); i++)
		for (size_t j = 0; j < N(vals); j++)
			for (int cin = 0; cin < 2; cin++) {
				u32 a = vals[i], hi = 0;
				u64 fl = f(&a, &hi, vals[j], cin ? FLAGS : 0);
				printf("%s %08x %08x %d %08x %08x %03lx\n", name, vals[i], vals[j], cin, a, hi,
				       (unsigned long)(fl & FLAGS));
			}
}

int main(void) {
	run("add", op_add, vals, N(vals));
	run("adc", op_adc, vals, N(vals));
	run("sub", op_sub, vals, N(vals));
	run("sbb", op_sbb, vals, N(vals));
	run("cmp", op_cmp, vals, N(vals));
	run("and", op_and, vals, N(vals));
	run("or", op_or, vals, N(vals));
	run("xor", op_xor, vals, N(vals));
	run("test", op_test, vals, N(vals));
	run("imul2", op_imul2, vals, N(vals));
	run("shl", op_shl, counts, N(counts));
	run("shr", op_shr, counts, N(counts));
	run("sar", op_sar, counts, N(counts));
	run("neg", op_neg, vals, 1);
	run("inc", op_inc, vals, 1);
	run("dec", op_dec, vals, 1);
	run("not", op_not, vals, 1);
	run1("mul", op_mul);
	run1("imul1", op_imul1);
	return 0;
}
