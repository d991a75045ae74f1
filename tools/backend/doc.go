// Package backend is the code generator shared by v6vm's two compilers: kgo
// (the kernel's Go subset, tools/kgo) and cc (the C subset, tools/cc). Each
// front end lowers its checked syntax tree to the typed tree IR defined here
// and calls Generate, which writes assembly text for v6vm's assembler (asm/).
//
// # The IR
//
// It follows chibicc: one Node type for statements and expressions, told
// apart by Node.Op, every expression carrying its Type. A Program holds Objs:
// functions (Obj.Func set; Body nil means an external or assembly routine)
// and global variables (Init/Relocs for .data, nil Init for .bss, Extern for
// declarations only). Locals and parameters are Objs too, listed in their
// function's Params and Locals.
//
// Types are built with the constructors in type.go (Int, Ptr, ArrayOf,
// StructOf, UnionOf, FuncOf); StructOf lays fields out with C rules (each
// field at the next multiple of its alignment, size rounded up to the
// struct's alignment), which is also what go/types' StdSizes{4,4} computes.
// Integer kinds are Int8..Uint32 plus Bool; C maps char to Int8 (char is
// signed), short to Int16, int/long/enum to Int32.
//
// # Semantics the front ends rely on
//
//   - Evaluation is left to right, also for call arguments (Go requires it;
//     C does not care). Arguments are stored into a reserved outgoing area,
//     so the stack at the call is exactly cdecl: first argument lowest,
//     caller pops, each argument a multiple of 4 bytes.
//   - An expression of aggregate type (array, struct, union) evaluates to its
//     address. Assign copies the bytes; a call with an aggregate result gets
//     a hidden first argument pointing at a temporary the back end reserves
//     in the caller's frame, and returns that pointer in EAX (i386 SysV).
//     Aggregate arguments are copied into the argument area (by value).
//   - Arithmetic is done in 32 bits; when a node's Type is narrower than 4
//     bytes the result is truncated and re-extended to that type (Go's int8
//     wrap-around). C front ends give arithmetic nodes the promoted type, so
//     nothing is truncated there. Narrow values are always held extended in
//     EAX: loads extend, and a call's narrow result is re-extended (the
//     callee may be assembly that set only AL).
//   - Signedness of division, remainder, right shift and comparisons comes
//     from the Lhs operand's type.
//   - Shifts by 32 or more give 0 (or all sign bits for a signed >>), as in
//     Go; the machine masks counts to 5 bits, so the back end emits a test.
//   - Division: a zero divisor calls Options.DivZero when it is set (Go's
//     "integer divide by zero" panic) and otherwise faults (#DE) as on x86;
//     MinInt32 / -1 gives MinInt32 and remainder 0, never a fault.
//   - OpAddr/OpIndex/OpField work on anything addressable: variables,
//     dereferences, fields, index expressions and aggregate rvalues.
//   - Pointer arithmetic is not implied: OpAdd on a pointer adds bytes; use
//     OpIndex (which scales) or multiply in the front end.
//   - Labels (OpLabel, OpGoto, loop Break/Cont labels) are strings chosen by
//     the front end, unique within one function.
//   - OpAsm emits instructions inline, in the current frame: up to three
//     arguments are evaluated left to right and loaded into EAX, ECX, EDX;
//     the template may use those and must save and restore any other
//     register it changes except ESP/EBP when that is its purpose (SaveU,
//     RetU). A non-void OpAsm leaves its result in EAX.
//
// # Code shape
//
// Code is gcc -O0 style and deliberately predictable: cdecl, EBP frames
// (push ebp; mov ebp, esp; sub esp, N), every local in its frame slot, a
// stack machine with the value in EAX and only EAX, ECX, EDX live, one shared
// epilogue that is exactly "leave; ret". EBX, ESI and EDI are never left
// changed, so nothing needs saving, and a function whose frame is swapped
// under it (RetU) still leaves correctly through the installed frame. Every
// statement gets a ".loc LINE" (and ".file" when the file changes) preceded
// by a comment with the source line when Options.Source can supply it, and
// each function label is followed by a "; frame:" comment giving the EBP
// offset of every named parameter and local.
//
// Within that shape the code is optimised a little (expr.go, arith.go,
// fold.go, peep.go): operands that are constants or variables are used in
// place (add eax, [ebp-8]; cmp dword [eax+24], 3) instead of through the
// stack, fields and elements become addressing modes ([ecx+eax*4+88]),
// conditions jump on the comparison's flags, loops test at the bottom,
// constants are folded, divisions by constants skip the checks they cannot
// fail, and x = x op y is one read-modify-write instruction. Locals are still
// loaded and stored at every use. Evaluation stays left to right except
// where nothing can tell: a pure operand (no call, store or asm) may be
// computed before a variable it does not change is read, a local whose
// address is never taken may be read after a call (nothing else can change
// it), and at most one of the parts reordered can fault. Inline asm arguments are loaded right before
// the template and nothing moves across it. Options.Unoptimized gives the
// original stack-machine code instead, instruction for instruction (plain.go):
// the C demos are calibrated on its instruction counts.
//
// # Entry points
//
//	prog := &backend.Program{}
//	fn := &backend.Obj{Name: "f", Func: true, Type: backend.FuncOf(backend.Int(backend.Int32), nil, false)}
//	fn.Body = backend.Block(pos, backend.Return(pos, backend.Num(pos, backend.Int(backend.Int32), 42)))
//	prog.Objs = append(prog.Objs, fn)
//	err := backend.Generate(w, prog, backend.Options{})
//
// Generate(w, prog, Options{DivZero, Source}) is the only entry point; the
// rest is data: Type constructors (Int, PtrTo, ArrayOf, StructOf, UnionOf,
// FuncOf), node helpers (Num, Var, Binary, Unary, Assign, FieldOf, Call,
// Block, ExprStmt, Return, Goto, Label) or Node literals for the other ops,
// and Objs. Obj.End, when set, gives the epilogue the closing brace's line.
// ExampleGenerate shows a whole function; run_test.go builds switch,
// do-while, variadic calls through pointers and struct pass/return by hand.
package backend
