package backend

// The unoptimised code generator: the code shape v6vm had before the
// optimising one (a stack machine: every operand through EAX, the left one
// pushed while the right one is computed; conditions as 0/1 values tested
// with cmp/je; loops tested at the top; no folding). Options.Unoptimized
// selects it, instruction for instruction, for programs whose demonstrations
// are calibrated on instruction counts (user programs: race.c's loop
// lengths, faults.c's sibling).

import (
	"fmt"
	"strings"
)

// stmt0 emits one statement.
func (g *gen) stmt0(n *Node) {
	if n == nil {
		return
	}
	if n.Op != OpBlock {
		g.loc(n.Pos)
	}
	switch n.Op {
	case OpBlock:
		for _, s := range n.Body {
			g.stmt0(s)
		}
	case OpExpr:
		g.expr0(n.Lhs)
	case OpIf:
		g.ifStmt0(n)
	case OpFor:
		g.forStmt0(n)
	case OpDo:
		g.doStmt0(n)
	case OpSwitch:
		g.switchStmt0(n)
	case OpCase:
		g.emitLabel(g.caseLabel(n))
	case OpGoto:
		g.ins("jmp %s", userLabel(n.Label))
	case OpLabel:
		g.emitLabel(userLabel(n.Label))
	case OpReturn:
		g.returnStmt0(n)
	default:
		g.errorf(n.Pos, "backend: op %d is not a statement", n.Op)
	}
}

func (g *gen) ifStmt0(n *Node) {
	els, end := g.newLabel(), g.newLabel()
	g.expr0(n.Cond)
	g.ins("cmp eax, 0")
	g.ins("je %s", els)
	g.stmt0(n.Then)
	g.ins("jmp %s", end)
	g.emitLabel(els)
	g.stmt0(n.Else)
	g.emitLabel(end)
}

func (g *gen) forStmt0(n *Node) {
	brk, cont := g.loopLabels(n)
	begin := g.newLabel()
	g.stmt0(n.Init)
	g.emitLabel(begin)
	if n.Cond != nil {
		g.loc(n.Pos)
		g.expr0(n.Cond)
		g.ins("cmp eax, 0")
		g.ins("je %s", brk)
	}
	g.stmt0(n.Then)
	g.emitLabel(cont)
	if n.Inc != nil {
		g.loc(n.Pos)
		g.expr0(n.Inc)
	}
	g.ins("jmp %s", begin)
	g.emitLabel(brk)
}

func (g *gen) doStmt0(n *Node) {
	brk, cont := g.loopLabels(n)
	begin := g.newLabel()
	g.emitLabel(begin)
	g.stmt0(n.Then)
	g.emitLabel(cont)
	g.loc(n.Pos)
	g.expr0(n.Cond)
	g.ins("cmp eax, 0")
	g.ins("jne %s", begin)
	g.emitLabel(brk)
}

// switchStmt0 compares the value with each case in turn (a jump table is not
// worth it at -O0) and falls back to default or the end.
func (g *gen) switchStmt0(n *Node) {
	brk, _ := g.loopLabels(n)
	g.expr0(n.Cond)
	for _, c := range n.Cases {
		g.ins("cmp eax, %s", imm(c.Val))
		g.ins("je %s", g.caseLabel(c))
	}
	if n.Default != nil {
		g.ins("jmp %s", g.caseLabel(n.Default))
	} else {
		g.ins("jmp %s", brk)
	}
	g.stmt0(n.Then)
	g.emitLabel(brk)
}

func (g *gen) returnStmt0(n *Node) {
	if n.Lhs != nil {
		g.expr0(n.Lhs)
		if g.retPtr {
			g.ins("mov ecx, [ebp+8]")
			g.copy(n.Lhs.Type.Size)
			g.ins("mov eax, ecx")
		}
	}
	g.ins("jmp .Lreturn")
}

// expr0 evaluates n into EAX (for aggregates: its address). The stack is
// balanced afterwards; only EAX, ECX and EDX are changed.
func (g *gen) expr0(n *Node) {
	switch n.Op {
	case OpNum:
		g.ins("mov eax, %s", imm(n.Val))
	case OpVar, OpDeref, OpField, OpIndex:
		if mem, ok := g.direct0(n); ok {
			g.loadFrom0(n.Type, mem)
			return
		}
		g.addr0(n)
		g.load0(n.Type)
	case OpAddr:
		g.addr0(n.Lhs)
	case OpCheck:
		g.check0(n)
	case OpAdd, OpSub, OpMul, OpAnd, OpOr, OpXor, OpDiv, OpMod, OpShl, OpShr,
		OpEq, OpNe, OpLt, OpLe, OpGt, OpGe:
		g.binary0(n)
	case OpNeg, OpBitNot:
		g.expr0(n.Lhs)
		g.ins("%s eax", map[Op]string{OpNeg: "neg", OpBitNot: "not"}[n.Op])
		g.narrow(n.Type)
	case OpNot:
		g.expr0(n.Lhs)
		g.ins("cmp eax, 0")
		g.ins("sete eax")
	case OpLogAnd, OpLogOr:
		g.logical0(n)
	case OpCond:
		els, end := g.newLabel(), g.newLabel()
		g.expr0(n.Cond)
		g.ins("cmp eax, 0")
		g.ins("je %s", els)
		g.expr0(n.Then)
		g.ins("jmp %s", end)
		g.emitLabel(els)
		g.expr0(n.Else)
		g.emitLabel(end)
	case OpComma:
		g.expr0(n.Lhs)
		g.expr0(n.Rhs)
	case OpAssign:
		if mem, ok := g.direct0(n.Lhs); ok {
			g.expr0(n.Rhs)
			g.storeTo(n.Lhs.Type, mem)
			return
		}
		g.addr0(n.Lhs)
		g.ins("push eax")
		g.expr0(n.Rhs)
		g.ins("pop ecx")
		g.store(n.Lhs.Type)
	case OpCast:
		g.expr0(n.Lhs)
		g.cast(n.Type)
	case OpCall:
		g.call0(n)
	case OpZero:
		g.addr0(n.Lhs)
		g.zero0(n.Lhs.Type.Size)
	case OpAsm:
		g.asm0(n)
	default:
		g.errorf(n.Pos, "backend: op %d is not an expression", n.Op)
	}
}

// addr0 evaluates the address of n into EAX.
func (g *gen) addr0(n *Node) {
	switch n.Op {
	case OpVar:
		if off, ok := g.frame[n.Var]; ok {
			g.ins("lea eax, [ebp%+d]", off)
			return
		}
		if n.Var.Local {
			g.errorf(n.Pos, "backend: local %s is not in the frame of %s", n.Var.Name, g.fn.Name)
		}
		g.ins("mov eax, %s", n.Var.Name)
	case OpDeref:
		g.expr0(n.Lhs)
	case OpField:
		g.addr0(n.Lhs)
		if n.Field.Offset != 0 {
			g.ins("add eax, %d", n.Field.Offset)
		}
	case OpIndex:
		g.index0(n)
	case OpComma:
		g.expr0(n.Lhs)
		g.addr0(n.Rhs)
	default:
		if n.Type != nil && n.Type.IsAggregate() {
			g.expr0(n) // an aggregate rvalue evaluates to its address
			return
		}
		g.errorf(n.Pos, "backend: op %d is not addressable", n.Op)
	}
}

// index0 computes &Lhs[Rhs] for an array or a pointer Lhs.
func (g *gen) index0(n *Node) {
	if n.Lhs.Type.Kind == Array {
		g.addr0(n.Lhs)
	} else {
		g.expr0(n.Lhs)
	}
	g.ins("push eax")
	g.expr0(n.Rhs)
	g.ins("pop ecx")
	switch size := n.Type.Size; size {
	case 1, 2, 4, 8:
		g.ins("lea eax, [ecx+eax*%d]", size)
	default:
		g.ins("imul eax, eax, %d", size)
		g.ins("add eax, ecx")
	}
}

// check0 evaluates an index and its bound; an index that is not below the
// bound as unsigned (so negative ones fail too) calls n.Name(index, bound).
func (g *gen) check0(n *Node) {
	ok := g.newLabel()
	g.expr0(n.Lhs)
	g.ins("push eax")
	g.expr0(n.Rhs)
	g.ins("mov ecx, eax")
	g.ins("pop eax")
	g.ins("cmp eax, ecx")
	g.ins("jb %s", ok)
	g.ins("push ecx")
	g.ins("push eax")
	g.ins("call %s", n.Name)
	g.ins("add esp, 8")
	g.emitLabel(ok)
}

// direct0 returns the memory operand of a scalar variable in the frame or
// in static data, which is loaded in one instruction instead of lea + mov.
func (g *gen) direct0(n *Node) (string, bool) {
	if n.Op != OpVar || n.Type.IsAggregate() || n.Var.Func {
		return "", false
	}
	if off, ok := g.frame[n.Var]; ok {
		return fmt.Sprintf("[ebp%+d]", off), true
	}
	if n.Var.Local {
		return "", false
	}
	return "[" + n.Var.Name + "]", true
}

// load0 replaces the address in EAX by the value of type t stored there.
func (g *gen) load0(t *Type) { g.loadFrom0(t, "[eax]") }

// loadFrom0 loads the value of type t at memory operand mem into EAX,
// extending narrow integers to 32 bits; aggregates and functions stay
// addresses.
func (g *gen) loadFrom0(t *Type, mem string) {
	if t.IsAggregate() || t.Kind == Func {
		return
	}
	switch t.Size {
	case 1, 2:
		ext, width := "movzx", map[int]string{1: "byte", 2: "word"}[t.Size]
		if t.IsSigned() {
			ext = "movsx"
		}
		g.ins("%s eax, %s %s", ext, width, mem)
	default:
		g.ins("mov eax, %s", mem)
	}
}

// zero0 clears size bytes at address EAX, keeping EAX.
func (g *gen) zero0(size int) {
	if size > 64 {
		g.ins("push eax")
		g.ins("push edi")
		g.ins("mov edi, eax")
		g.ins("mov eax, 0")
		g.ins("mov ecx, %d", size)
		g.ins("rep stosb")
		g.ins("pop edi")
		g.ins("pop eax")
		return
	}
	off := 0
	for ; off+4 <= size; off += 4 {
		g.ins("mov dword [eax+%d], 0", off)
	}
	if off+2 <= size {
		g.ins("mov word [eax+%d], 0", off)
		off += 2
	}
	if off < size {
		g.ins("mov byte [eax+%d], 0", off)
	}
}

// logical0 emits && and || with short-circuit, giving 0 or 1.
func (g *gen) logical0(n *Node) {
	short, end := g.newLabel(), g.newLabel()
	jump, shortVal, fullVal := "je", 0, 1
	if n.Op == OpLogOr {
		jump, shortVal, fullVal = "jne", 1, 0
	}
	g.expr0(n.Lhs)
	g.ins("cmp eax, 0")
	g.ins("%s %s", jump, short)
	g.expr0(n.Rhs)
	g.ins("cmp eax, 0")
	g.ins("%s %s", jump, short)
	g.ins("mov eax, %d", fullVal)
	g.ins("jmp %s", end)
	g.emitLabel(short)
	g.ins("mov eax, %d", shortVal)
	g.emitLabel(end)
}

// asm0 loads up to three arguments into EAX, ECX, EDX and emits the template.
func (g *gen) asm0(n *Node) {
	regs := []string{"eax", "ecx", "edx"}
	if len(n.Args) > len(regs) {
		g.errorf(n.Pos, "backend: inline asm takes at most 3 arguments")
		return
	}
	// All but the last argument wait on the stack; the last one is already
	// in EAX and moves to its register before the others are popped.
	for i, a := range n.Args {
		g.expr0(a)
		if i < len(n.Args)-1 {
			g.ins("push eax")
		}
	}
	if last := len(n.Args) - 1; last > 0 {
		g.ins("mov %s, eax", regs[last])
		for i := last - 1; i >= 0; i-- {
			g.ins("pop %s", regs[i])
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(n.Asm), "\n") {
		g.ins("%s", strings.TrimSpace(line))
	}
}

// binary0 evaluates Lhs into EAX and Rhs into ECX, then applies the operator.
func (g *gen) binary0(n *Node) {
	g.expr0(n.Lhs)
	g.ins("push eax")
	g.expr0(n.Rhs)
	g.ins("mov ecx, eax")
	g.ins("pop eax")
	signed := n.Lhs.Type.IsSigned()
	switch n.Op {
	case OpAdd, OpSub, OpAnd, OpOr, OpXor:
		g.ins("%s eax, ecx", map[Op]string{OpAdd: "add", OpSub: "sub", OpAnd: "and", OpOr: "or", OpXor: "xor"}[n.Op])
	case OpMul:
		g.ins("imul eax, ecx")
	case OpDiv, OpMod:
		g.divide(n, signed)
	case OpShl, OpShr:
		g.shift(n.Op, signed)
	default:
		g.compare0(n.Op, signed)
		return
	}
	g.narrow(n.Type)
}

// compare0 sets EAX to 0 or 1.
func (g *gen) compare0(op Op, signed bool) {
	cc := map[Op][2]string{
		OpEq: {"e", "e"}, OpNe: {"ne", "ne"},
		OpLt: {"b", "l"}, OpLe: {"be", "le"}, OpGt: {"a", "g"}, OpGe: {"ae", "ge"},
	}[op]
	g.ins("cmp eax, ecx")
	if signed {
		g.ins("set%s eax", cc[1])
	} else {
		g.ins("set%s eax", cc[0])
	}
}

// call0 emits a call. The outgoing argument area is reserved first and each
// argument is evaluated left to right straight into its slot, so side
// effects happen in source order while the stack at the call is plain
// cdecl (first argument at [esp]). A call returning an aggregate passes the
// address of its result buffer as a hidden first argument.
func (g *gen) call0(n *Node) {
	hidden := n.Type.IsAggregate()
	size, offs := 0, make([]int, len(n.Args))
	if hidden {
		size = 4
	}
	for i, a := range n.Args {
		offs[i] = size
		size += alignTo(max(a.Type.Size, 4), 4)
	}
	if size > 0 {
		g.ins("sub esp, %d", size)
	}
	for i, a := range n.Args {
		g.expr0(a)
		if a.Type.IsAggregate() {
			g.ins("lea ecx, [esp+%d]", offs[i])
			g.copy(a.Type.Size)
		} else {
			g.ins("mov [esp+%d], eax", offs[i])
		}
	}
	if hidden {
		g.ins("lea eax, [ebp%+d]", g.temps[n])
		g.ins("mov [esp], eax")
	}
	if n.Fn.Op == OpVar && n.Fn.Var.Func {
		g.ins("call %s", n.Fn.Var.Name)
	} else {
		g.expr0(n.Fn)
		g.ins("call eax")
	}
	if size > 0 {
		g.ins("add esp, %d", size)
	}
	// A narrow result is re-extended: the callee may be an assembly
	// routine (or gcc-style code) that only sets AL or AX.
	if n.Type.Kind == Bool {
		g.ins("movzx eax, al")
	} else {
		g.narrow(n.Type)
	}
}
