package backend

import (
	"fmt"
	"strings"
)

// expr evaluates n into EAX (for aggregates: its address). The stack is
// balanced afterwards; only EAX, ECX and EDX are changed.
func (g *gen) expr(n *Node) {
	switch n.Op {
	case OpNum:
		g.ins("mov eax, %s", imm(n.Val))
	case OpVar, OpDeref, OpField, OpIndex:
		if mem, ok := g.direct(n); ok {
			g.loadFrom(n.Type, mem)
			return
		}
		g.addr(n)
		g.load(n.Type)
	case OpAddr:
		g.addr(n.Lhs)
	case OpCheck:
		g.check(n)
	case OpAdd, OpSub, OpMul, OpAnd, OpOr, OpXor, OpDiv, OpMod, OpShl, OpShr,
		OpEq, OpNe, OpLt, OpLe, OpGt, OpGe:
		g.binary(n)
	case OpNeg, OpBitNot:
		g.expr(n.Lhs)
		g.ins("%s eax", map[Op]string{OpNeg: "neg", OpBitNot: "not"}[n.Op])
		g.narrow(n.Type)
	case OpNot:
		g.expr(n.Lhs)
		g.ins("cmp eax, 0")
		g.ins("sete eax")
	case OpLogAnd, OpLogOr:
		g.logical(n)
	case OpCond:
		els, end := g.newLabel(), g.newLabel()
		g.expr(n.Cond)
		g.ins("cmp eax, 0")
		g.ins("je %s", els)
		g.expr(n.Then)
		g.ins("jmp %s", end)
		g.emitLabel(els)
		g.expr(n.Else)
		g.emitLabel(end)
	case OpComma:
		g.expr(n.Lhs)
		g.expr(n.Rhs)
	case OpAssign:
		if mem, ok := g.direct(n.Lhs); ok {
			g.expr(n.Rhs)
			g.storeTo(n.Lhs.Type, mem)
			return
		}
		g.addr(n.Lhs)
		g.ins("push eax")
		g.expr(n.Rhs)
		g.ins("pop ecx")
		g.store(n.Lhs.Type)
	case OpCast:
		g.expr(n.Lhs)
		g.cast(n.Type)
	case OpCall:
		g.call(n)
	case OpZero:
		g.addr(n.Lhs)
		g.zero(n.Lhs.Type.Size)
	case OpAsm:
		g.asm(n)
	default:
		g.errorf(n.Pos, "backend: op %d is not an expression", n.Op)
	}
}

// addr evaluates the address of n into EAX.
func (g *gen) addr(n *Node) {
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
		g.expr(n.Lhs)
	case OpField:
		g.addr(n.Lhs)
		if n.Field.Offset != 0 {
			g.ins("add eax, %d", n.Field.Offset)
		}
	case OpIndex:
		g.index(n)
	case OpComma:
		g.expr(n.Lhs)
		g.addr(n.Rhs)
	default:
		if n.Type != nil && n.Type.IsAggregate() {
			g.expr(n) // an aggregate rvalue evaluates to its address
			return
		}
		g.errorf(n.Pos, "backend: op %d is not addressable", n.Op)
	}
}

// index computes &Lhs[Rhs] for an array or a pointer Lhs.
func (g *gen) index(n *Node) {
	if n.Lhs.Type.Kind == Array {
		g.addr(n.Lhs)
	} else {
		g.expr(n.Lhs)
	}
	g.ins("push eax")
	g.expr(n.Rhs)
	g.ins("pop ecx")
	switch size := n.Type.Size; size {
	case 1, 2, 4, 8:
		g.ins("lea eax, [ecx+eax*%d]", size)
	default:
		g.ins("imul eax, eax, %d", size)
		g.ins("add eax, ecx")
	}
}

// check evaluates an index and its bound; an index that is not below the
// bound as unsigned (so negative ones fail too) calls n.Name(index, bound).
func (g *gen) check(n *Node) {
	ok := g.newLabel()
	g.expr(n.Lhs)
	g.ins("push eax")
	g.expr(n.Rhs)
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

// direct returns the memory operand of a scalar variable in the frame or
// in static data, which is loaded in one instruction instead of lea + mov.
func (g *gen) direct(n *Node) (string, bool) {
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

// load replaces the address in EAX by the value of type t stored there.
func (g *gen) load(t *Type) { g.loadFrom(t, "[eax]") }

// loadFrom loads the value of type t at memory operand mem into EAX,
// extending narrow integers to 32 bits; aggregates and functions stay
// addresses.
func (g *gen) loadFrom(t *Type, mem string) {
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

// store writes EAX (for aggregates, the bytes at address EAX) to the address
// in ECX. EAX keeps the value (for aggregates, becomes the destination).
func (g *gen) store(t *Type) {
	if t.IsAggregate() {
		g.copy(t.Size)
		g.ins("mov eax, ecx")
		return
	}
	g.storeTo(t, "[ecx]")
}

// storeTo writes the scalar of type t in EAX to memory operand mem.
func (g *gen) storeTo(t *Type, mem string) {
	switch t.Size {
	case 1:
		g.ins("mov byte %s, al", mem)
	case 2:
		g.ins("mov word %s, ax", mem)
	default:
		g.ins("mov %s, eax", mem)
	}
}

// copy copies size bytes from address EAX to address ECX, keeping both.
// Small copies are unrolled through EDX; large ones use rep movsb with ESI
// and EDI saved, so no callee-saved register is ever left changed.
func (g *gen) copy(size int) {
	if size > 64 {
		g.ins("push eax")
		g.ins("push ecx")
		g.ins("push esi")
		g.ins("push edi")
		g.ins("mov esi, eax")
		g.ins("mov edi, ecx")
		g.ins("mov ecx, %d", size)
		g.ins("rep movsb")
		g.ins("pop edi")
		g.ins("pop esi")
		g.ins("pop ecx")
		g.ins("pop eax")
		return
	}
	off := 0
	for ; off+4 <= size; off += 4 {
		g.ins("mov edx, [eax+%d]", off)
		g.ins("mov [ecx+%d], edx", off)
	}
	if off+2 <= size {
		g.ins("movzx edx, word [eax+%d]", off)
		g.ins("mov word [ecx+%d], dx", off)
		off += 2
	}
	if off < size {
		g.ins("movzx edx, byte [eax+%d]", off)
		g.ins("mov byte [ecx+%d], dl", off)
	}
}

// zero clears size bytes at address EAX, keeping EAX.
func (g *gen) zero(size int) {
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

// cast converts the scalar in EAX to type t.
func (g *gen) cast(t *Type) {
	switch {
	case t.Kind == Bool:
		g.ins("cmp eax, 0")
		g.ins("setne eax")
	default:
		g.narrow(t)
	}
}

// narrow truncates EAX to an integer type narrower than 32 bits and extends
// it back, which gives Go's wrap-around for int8 etc.
func (g *gen) narrow(t *Type) {
	if !t.IsInteger() || t.Size >= 4 || t.Kind == Bool {
		return
	}
	ext, reg := "movzx", map[int]string{1: "al", 2: "ax"}[t.Size]
	if t.IsSigned() {
		ext = "movsx"
	}
	g.ins("%s eax, %s", ext, reg)
}

// logical emits && and || with short-circuit, giving 0 or 1.
func (g *gen) logical(n *Node) {
	short, end := g.newLabel(), g.newLabel()
	jump, shortVal, fullVal := "je", 0, 1
	if n.Op == OpLogOr {
		jump, shortVal, fullVal = "jne", 1, 0
	}
	g.expr(n.Lhs)
	g.ins("cmp eax, 0")
	g.ins("%s %s", jump, short)
	g.expr(n.Rhs)
	g.ins("cmp eax, 0")
	g.ins("%s %s", jump, short)
	g.ins("mov eax, %d", fullVal)
	g.ins("jmp %s", end)
	g.emitLabel(short)
	g.ins("mov eax, %d", shortVal)
	g.emitLabel(end)
}

// asm loads up to three arguments into EAX, ECX, EDX and emits the template.
func (g *gen) asm(n *Node) {
	regs := []string{"eax", "ecx", "edx"}
	if len(n.Args) > len(regs) {
		g.errorf(n.Pos, "backend: inline asm takes at most 3 arguments")
		return
	}
	// All but the last argument wait on the stack; the last one is already
	// in EAX and moves to its register before the others are popped.
	for i, a := range n.Args {
		g.expr(a)
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
