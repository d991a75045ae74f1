package backend_test

import (
	"strings"
	"testing"

	"v6vm/asm"
	. "v6vm/tools/backend"
	"v6vm/v6vm"
)

// These tests build IR by hand for the constructs C needs and Go does not
// use (switch with fallthrough, do-while, function pointers, unions,
// variadic arguments, struct pass/return by value) and run it on the
// machine: main's result becomes the exit status.

var pos = Pos{File: "ir.c", Line: 1}

func i32() *Type { return Int(Int32) }

func num(v int64) *Node { return Num(pos, i32(), v) }

func local(name string, t *Type) *Obj { return &Obj{Name: name, Type: t, Local: true} }

func fn(name string, result *Type, params []*Obj, locals []*Obj, body ...*Node) *Obj {
	var pt []*Type
	for _, p := range params {
		pt = append(pt, p.Type)
	}
	return &Obj{Name: name, Func: true, Type: FuncOf(result, pt, false), Params: params, Locals: locals, Body: Block(pos, body...)}
}

func set(o *Obj, v *Node) *Node { return ExprStmt(Assign(pos, Var(pos, o), v)) }

func add(a, b *Node) *Node { return Binary(pos, OpAdd, i32(), a, b) }

func run(t *testing.T, objs ...*Obj) int {
	t.Helper()
	var sb strings.Builder
	if err := Generate(&sb, &Program{Objs: objs}, Options{}); err != nil {
		t.Fatal(err)
	}
	start := "\t.text\n_start:\n\tmov esp, 0x800000\n\tcall main\n\tout 0xF4, eax\n\thlt\n"
	x, err := asm.Assemble([]asm.Source{{Name: "start.s", Text: []byte(start)}, {Name: "ir.s", Text: []byte(sb.String())}},
		asm.Options{TextAddr: 0x1000, LoadAddr: 0x1000, Entry: "_start"})
	if err != nil {
		t.Fatalf("%v\n%s", err, sb.String())
	}
	m := v6vm.New(v6vm.Config{MaxInstructions: 1_000_000})
	if err := m.Load(x); err != nil {
		t.Fatal(err)
	}
	status, err := m.Run()
	if err != nil {
		t.Fatalf("%v\n%s", err, sb.String())
	}
	return status
}

// TestSwitchFallthrough: C switch with cases falling through to the next.
func TestSwitchFallthrough(t *testing.T) {
	x, r := local("x", i32()), local("r", i32())
	c1 := &Node{Op: OpCase, Pos: pos, Val: 1}
	c2 := &Node{Op: OpCase, Pos: pos, Val: 2}
	def := &Node{Op: OpCase, Pos: pos}
	sw := &Node{Op: OpSwitch, Pos: pos, Cond: Var(pos, x), Cases: []*Node{c1, c2}, Default: def, Break: "end",
		Then: Block(pos,
			c1, set(r, add(Var(pos, r), num(10))), // falls through
			c2, set(r, add(Var(pos, r), num(1))), Goto(pos, "end"),
			def, set(r, num(99)))}
	main := fn("main", i32(), nil, []*Obj{x, r}, set(x, num(1)), set(r, num(0)), sw, Return(pos, Var(pos, r)))
	if got := run(t, main); got != 11 {
		t.Errorf("switch: got %d, want 11", got)
	}
}

// TestDoWhile: do { i++ } while (i < 5) runs the body first.
func TestDoWhile(t *testing.T) {
	i := local("i", i32())
	loop := &Node{Op: OpDo, Pos: pos, Then: set(i, add(Var(pos, i), num(3))),
		Cond: Binary(pos, OpLt, Int(Bool), Var(pos, i), num(5))}
	main := fn("main", i32(), nil, []*Obj{i}, set(i, num(100)), loop, Return(pos, Var(pos, i)))
	if got := run(t, main); got != 103 {
		t.Errorf("do-while: got %d, want 103", got)
	}
}

// TestFunctionPointerAndVariadic calls sum(n, ...) through a pointer; sum
// walks its variadic arguments from the address of n (cdecl va_list).
func TestFunctionPointerAndVariadic(t *testing.T) {
	n, s, ap := local("n", i32()), local("s", i32()), local("ap", PtrTo(i32()))
	sumT := FuncOf(i32(), []*Type{i32()}, true)
	loop := &Node{Op: OpFor, Pos: pos,
		Cond: Binary(pos, OpGt, Int(Bool), Var(pos, n), num(0)),
		Then: Block(pos,
			set(ap, Binary(pos, OpAdd, PtrTo(i32()), Var(pos, ap), num(4))),
			set(s, add(Var(pos, s), Unary(pos, OpDeref, i32(), Var(pos, ap)))),
			set(n, Binary(pos, OpSub, i32(), Var(pos, n), num(1))))}
	sum := &Obj{Name: "sum", Func: true, Type: sumT, Params: []*Obj{n}, Locals: []*Obj{s, ap},
		Body: Block(pos, set(s, num(0)), set(ap, Unary(pos, OpAddr, PtrTo(i32()), Var(pos, n))), loop, Return(pos, Var(pos, s)))}
	fp := local("fp", PtrTo(sumT))
	call := Call(pos, i32(), Var(pos, fp), []*Node{num(3), num(20), num(30), num(-8)})
	main := fn("main", i32(), nil, []*Obj{fp}, set(fp, Unary(pos, OpAddr, PtrTo(sumT), Var(pos, sum))), Return(pos, call))
	if got := run(t, sum, main); got != 42 {
		t.Errorf("variadic through pointer: got %d, want 42", got)
	}
}

// TestStructByValueAndUnion passes a struct by value, returns one, and
// reads a union member written through another.
func TestStructByValueAndUnion(t *testing.T) {
	st := StructOf([]*Field{{Name: "a", Type: Int(Int8)}, {Name: "b", Type: i32()}, {Name: "c", Type: Int(Uint16)}})
	p, q := local("p", st), local("q", st)
	fa, fb, fc := st.Fields[0], st.Fields[1], st.Fields[2]
	// twice(p) returns {p.a*2, p.b*2, p.c*2} and scribbles on its copy.
	twice := fn("twice", st, []*Obj{p}, []*Obj{q},
		ExprStmt(Assign(pos, FieldOf(pos, Var(pos, q), fa), Binary(pos, OpMul, Int(Int8), FieldOf(pos, Var(pos, p), fa), num(2)))),
		ExprStmt(Assign(pos, FieldOf(pos, Var(pos, q), fb), Binary(pos, OpMul, i32(), FieldOf(pos, Var(pos, p), fb), num(2)))),
		ExprStmt(Assign(pos, FieldOf(pos, Var(pos, q), fc), Binary(pos, OpMul, Int(Uint16), FieldOf(pos, Var(pos, p), fc), num(2)))),
		ExprStmt(Assign(pos, FieldOf(pos, Var(pos, p), fb), num(0))),
		Return(pos, Var(pos, q)))
	un := UnionOf([]*Field{{Name: "w", Type: i32()}, {Name: "b", Type: ArrayOf(Int(Uint8), 4)}})
	x, r, u := local("x", st), local("r", st), local("u", un)
	byte1 := &Node{Op: OpIndex, Type: Int(Uint8), Pos: pos, Lhs: FieldOf(pos, Var(pos, u), un.Fields[1]), Rhs: num(1)}
	main := fn("main", i32(), nil, []*Obj{x, r, u},
		ExprStmt(&Node{Op: OpZero, Type: Int(Void), Pos: pos, Lhs: Var(pos, x)}),
		ExprStmt(Assign(pos, FieldOf(pos, Var(pos, x), fa), num(100))),
		ExprStmt(Assign(pos, FieldOf(pos, Var(pos, x), fb), num(7))),
		ExprStmt(Assign(pos, FieldOf(pos, Var(pos, x), fc), num(40000))),
		ExprStmt(Assign(pos, Var(pos, r), Call(pos, st, Var(pos, twice), []*Node{Var(pos, x)}))),
		ExprStmt(Assign(pos, FieldOf(pos, Var(pos, u), un.Fields[0]), num(0x1234))),
		// int8 100*2 wraps to -56; uint16 80000 wraps to 14464; x.b is untouched.
		Return(pos, add(add(add(FieldOf(pos, Var(pos, r), fa), FieldOf(pos, Var(pos, x), fb)),
			Binary(pos, OpSub, i32(), FieldOf(pos, Var(pos, r), fc), num(14464))), byte1)))
	// -56 + 7 + 0 + 0x12 = -31: exit statuses are 32-bit.
	if got := run(t, twice, main); int32(got) != -31 {
		t.Errorf("struct by value and union: got %d, want -31", int32(got))
	}
}
