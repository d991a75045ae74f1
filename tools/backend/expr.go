package backend

import (
	"strings"
)

// expr evaluates n into EAX (for aggregates: its address). The stack is
// balanced afterwards; only EAX, ECX and EDX are changed.
func (g *gen) expr(n *Node) {
	if ins, ok := g.load1(n, "eax"); ok {
		g.ins("%s", ins)
		return
	}
	switch n.Op {
	case OpNum:
		g.ins("mov eax, %s", imm(n.Val))
	case OpVar, OpDeref, OpField, OpIndex:
		if n.Type.IsAggregate() || n.Type.Kind == Func {
			g.addr(n)
			return
		}
		g.ins("%s", extend(n.Type, "eax", g.amode(n).String()))
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
		if isCompare(n.Lhs) {
			g.ins("set%s eax", negate(g.compareFlags(n.Lhs)))
			return
		}
		g.expr(n.Lhs)
		g.ins("cmp eax, 0")
		g.ins("sete eax")
	case OpLogAnd, OpLogOr:
		g.logical(n)
	case OpCond:
		els, end := g.newLabel(), g.newLabel()
		g.cond(n.Cond, els, false)
		g.expr(n.Then)
		g.ins("jmp %s", end)
		g.emitLabel(els)
		g.expr(n.Else)
		g.emitLabel(end)
	case OpComma:
		g.discard(n.Lhs)
		g.expr(n.Rhs)
	case OpAssign:
		g.assign(n, false)
	case OpCast:
		g.expr(n.Lhs)
		g.cast(n.Type)
	case OpCall:
		g.call(n)
	case OpZero:
		g.addr(n.Lhs)
		g.zero(mem{base: "eax"}, n.Lhs.Type.Size)
	case OpAsm:
		g.asm(n)
	default:
		g.errorf(n.Pos, "backend: op %d is not an expression", n.Op)
	}
}

// discard evaluates n for its effects only. What is computed from a value
// and thrown away without faulting (a cast, arithmetic with a safe operand)
// is skipped; assignments store without keeping the value in EAX.
func (g *gen) discard(n *Node) {
	switch n.Op {
	case OpAssign:
		g.assign(n, true)
		return
	case OpComma:
		g.discard(n.Lhs)
		g.discard(n.Rhs)
		return
	case OpCast:
		g.discard(n.Lhs)
		return
	case OpAdd, OpSub, OpAnd, OpOr, OpXor, OpMul:
		if safe(n.Rhs) {
			g.discard(n.Lhs)
			return
		}
	case OpZero:
		if m, ok := g.constAddr(n.Lhs); ok && n.Lhs.Type.Size <= 64 {
			g.zero(m, n.Lhs.Type.Size)
			return
		}
	case OpNum, OpVar:
		return
	}
	g.expr(n)
}

// addr evaluates the address of n into EAX.
func (g *gen) addr(n *Node) {
	if n.Op == OpVar && n.Var.Func {
		g.ins("mov eax, %s", n.Var.Name)
		return
	}
	m := g.amode(n)
	switch {
	case m.base == "eax" && m.index == "" && m.sym == "":
		if m.disp != 0 {
			g.ins("add eax, %d", m.disp)
		}
	case m.base == "" && m.index == "" && m.sym != "":
		g.ins("mov eax, %s", symImm(m))
	default:
		g.ins("lea eax, %s", m)
	}
}

// inEAX returns m as EAX plus a displacement, computing the rest of the
// address into EAX.
func (g *gen) inEAX(m mem) mem {
	if m.base == "eax" && m.index == "" && m.sym == "" {
		return m
	}
	disp := m.disp
	m.disp = 0
	if m.base == "" && m.index == "" {
		g.ins("mov eax, %s", symImm(m))
	} else {
		g.ins("lea eax, %s", m)
	}
	return mem{base: "eax", disp: disp}
}

// amode emits the code that computes what n's address needs and returns
// the memory operand for n: a frame or static address needs no code, a
// field adds a displacement to its struct's operand, an element an index.
// The operand may use EAX and ECX.
func (g *gen) amode(n *Node) mem {
	if m, ok := g.constAddr(n); ok {
		return m
	}
	switch n.Op {
	case OpVar:
		if n.Var.Local {
			g.errorf(n.Pos, "backend: local %s is not in the frame of %s", n.Var.Name, g.fn.Name)
		}
		g.ins("mov eax, %s", n.Var.Name)
		return mem{base: "eax"}
	case OpDeref:
		p, disp := ptrDisp(n.Lhs)
		g.expr(p)
		return mem{base: "eax", disp: disp}
	case OpField:
		m := g.amode(n.Lhs)
		m.disp += int64(n.Field.Offset)
		return m
	case OpIndex:
		return g.indexMem(n)
	case OpComma:
		g.discard(n.Lhs)
		return g.amode(n.Rhs)
	}
	if n.Type != nil && n.Type.IsAggregate() {
		g.expr(n) // an aggregate rvalue evaluates to its address
		return mem{base: "eax"}
	}
	g.errorf(n.Pos, "backend: op %d is not addressable", n.Op)
	return mem{base: "eax"}
}

// ptrDisp splits a pointer expression p+c or p-c into p and c.
func ptrDisp(p *Node) (*Node, int64) {
	if (p.Op == OpAdd || p.Op == OpSub) && isNum(p.Rhs) && p.Type.Size == 4 {
		c := int64(int32(p.Rhs.Val))
		if p.Op == OpSub {
			c = -c
		}
		return p.Lhs, c
	}
	return p, 0
}

// ecxAddr returns the instruction loading a pointer variable into ECX and
// the operand at a constant offset from it, for *p, p.f, p[k] and p.a[k]:
// an address whose computation reads only a variable, so it can be done
// after the value to store is computed.
func (g *gen) ecxAddr(n *Node) (string, mem, bool) {
	switch n.Op {
	case OpDeref:
		p, disp := ptrDisp(n.Lhs)
		if ins, ok := g.load1(p, "ecx"); ok {
			return ins, mem{base: "ecx", disp: disp}, true
		}
	case OpField:
		ins, m, ok := g.ecxAddr(n.Lhs)
		m.disp += int64(n.Field.Offset)
		return ins, m, ok
	case OpIndex:
		if !isNum(n.Rhs) {
			break
		}
		k := int64(int32(n.Rhs.Val)) * int64(n.Type.Size)
		if n.Lhs.Type.Kind == Array {
			ins, m, ok := g.ecxAddr(n.Lhs)
			m.disp += k
			return ins, m, ok
		}
		if ins, ok := g.load1(n.Lhs, "ecx"); ok {
			return ins, mem{base: "ecx", disp: k}, true
		}
	}
	return "", mem{}, false
}

// indexMem emits the address computation of Lhs[Rhs] for an array or a
// pointer Lhs and returns its operand.
func (g *gen) indexMem(n *Node) mem {
	size := n.Type.Size
	arr := n.Lhs.Type.Kind == Array
	base := func() mem {
		if arr {
			return g.amode(n.Lhs)
		}
		g.expr(n.Lhs)
		return mem{base: "eax"}
	}
	if isNum(n.Rhs) {
		m := base()
		m.disp += int64(int32(n.Rhs.Val)) * int64(size)
		return m
	}
	// A frame or static array: the index alone is computed.
	if arr {
		if m, ok := g.constAddr(n.Lhs); ok {
			g.expr(n.Rhs)
			return g.scaled(m, "eax", size)
		}
	}
	// The base is a pointer variable: loaded after a pure index.
	if pure(n.Rhs) {
		var ins string
		var m mem
		ok := false
		if arr {
			ins, m, ok = g.ecxAddr(n.Lhs)
		} else {
			ins, ok = g.load1(n.Lhs, "ecx")
			m = mem{base: "ecx"}
		}
		if ok {
			g.expr(n.Rhs)
			g.ins("%s", ins)
			return g.scaled(m, "eax", size)
		}
	}
	// A simple index: loaded into ECX after the base.
	if ins, ok := g.load1(n.Rhs, "ecx"); ok {
		m := base()
		if m.uses("ecx") || m.index != "" {
			m = g.inEAX(m)
		}
		g.ins("%s", ins)
		return g.scaled(m, "ecx", size)
	}
	m := g.inEAX(base())
	g.ins("push eax")
	g.expr(n.Rhs)
	g.ins("pop ecx")
	m.base = "ecx"
	return g.scaled(m, "eax", size)
}

// scaled adds register reg times size to m as its index.
func (g *gen) scaled(m mem, reg string, size int) mem {
	switch size {
	case 1, 2, 4, 8:
	default:
		if size == 0 {
			g.ins("mov %s, 0", reg)
		} else {
			g.ins("imul %s, %s, %d", reg, reg, size)
		}
		size = 1
	}
	m.index, m.scale = reg, size
	return m
}

// check evaluates an index and its bound; an index that is not below the
// bound as unsigned (so negative ones fail too) calls n.Name(index, bound).
func (g *gen) check(n *Node) {
	ok := g.newLabel()
	bound := "ecx"
	if s, isSrc := g.src(n.Rhs); isSrc {
		g.expr(n.Lhs)
		g.ins("cmp eax, %s", s)
		bound = s
		if strings.HasPrefix(s, "[") {
			bound = "dword " + s
		}
	} else if ins, isLoad := g.load1(n.Rhs, "ecx"); isLoad {
		g.expr(n.Lhs)
		g.ins("%s", ins)
		g.ins("cmp eax, ecx")
	} else {
		g.expr(n.Lhs)
		g.ins("push eax")
		g.expr(n.Rhs)
		g.ins("mov ecx, eax")
		g.ins("pop eax")
		g.ins("cmp eax, ecx")
	}
	g.ins("jb %s", ok)
	g.ins("push %s", bound)
	g.ins("push eax")
	g.ins("call %s", n.Name)
	g.ins("add esp, 8")
	g.emitLabel(ok)
}

// assign emits Lhs = Rhs; with discard the value need not be left in EAX.
func (g *gen) assign(n *Node, discard bool) {
	l, r := n.Lhs, n.Rhs
	t := l.Type
	if t.IsAggregate() {
		if m, ok := g.constAddr(l); ok {
			g.expr(r)
			g.ins("lea ecx, %s", m)
		} else {
			g.addr(l)
			g.ins("push eax")
			g.expr(r)
			g.ins("pop ecx")
		}
		g.store(t)
		return
	}
	// A variable, or a field or constant element of one.
	if m, ok := g.constAddr(l); ok {
		switch {
		case discard && g.rmw(n, "", m, true):
		case discard && isNum(r):
			g.ins("mov %s %s, %s", sized(t.Size), m, imm(r.Val))
		default:
			g.expr(r)
			g.storeTo(t, m.String())
		}
		return
	}
	// Through a pointer variable: the value first, then the address.
	if ins, m, ok := g.ecxAddr(l); ok && (pure(r) || g.private(ecxBase(l))) {
		switch {
		case discard && g.rmw(n, ins, m, false):
		case isNum(r):
			g.ins("%s", ins)
			g.ins("mov %s %s, %s", sized(t.Size), m, imm(r.Val))
			if !discard {
				g.ins("mov eax, %s", imm(r.Val))
			}
		default:
			g.expr(r)
			g.ins("%s", ins)
			g.storeTo(t, m.String())
		}
		return
	}
	// The address first, then the value.
	m := g.amode(l)
	if isNum(r) {
		g.ins("mov %s %s, %s", sized(t.Size), m, imm(r.Val))
		if !discard {
			g.ins("mov eax, %s", imm(r.Val))
		}
		return
	}
	if ins, ok := g.load1(r, "edx"); ok {
		g.ins("%s", ins)
		g.ins("mov %s, %s", m, regOf("edx", t.Size))
		if !discard {
			g.ins("mov eax, edx")
		}
		return
	}
	m = g.inEAX(m)
	g.ins("push eax")
	g.expr(r)
	g.ins("pop ecx")
	m.base = "ecx"
	g.storeTo(t, m.String())
}

// rmw emits x = x op y as one read-modify-write instruction on memory
// operand m (after ins, which loads its base), for 4-byte x and the
// operators that have memory forms. y is computed first, so it must be
// pure; when the read of x can fault (through a pointer), y must not.
func (g *gen) rmw(n *Node, ins string, m mem, constant bool) bool {
	r := strip(n.Rhs)
	if n.Lhs.Type.Size != 4 || r.Type.Size != 4 || !r.Type.IsScalar() || r.Lhs == nil || r.Rhs == nil ||
		!sameLoc(r.Lhs, n.Lhs) || r.Lhs.Type.Size != 4 {
		return false
	}
	y := r.Rhs
	var op string
	switch r.Op {
	case OpAdd, OpSub, OpAnd, OpOr, OpXor:
		op = map[Op]string{OpAdd: "add", OpSub: "sub", OpAnd: "and", OpOr: "or", OpXor: "xor"}[r.Op]
	case OpShl, OpShr:
		if !isNum(y) || uint32(y.Val) >= 32 {
			return false
		}
		op = "shl"
		if r.Op == OpShr {
			op = "shr"
			if r.Lhs.Type.IsSigned() {
				op = "sar"
			}
		}
	default:
		return false
	}
	if !(isNum(y) || (constant && (pure(y) || g.private(n.Lhs))) || safe(y)) {
		return false
	}
	if isNum(y) {
		if ins != "" {
			g.ins("%s", ins)
		}
		g.ins("%s dword %s, %s", op, m, imm(y.Val))
		return true
	}
	g.expr(y)
	if ins != "" {
		g.ins("%s", ins)
	}
	g.ins("%s %s, eax", op, m)
	return true
}

// sameLoc reports whether a and b are the same variable, field or constant
// element, or the same dereferenced pointer variable.
func sameLoc(a, b *Node) bool {
	if a.Op != b.Op {
		return false
	}
	switch a.Op {
	case OpVar:
		return a.Var == b.Var && !a.Var.Func
	case OpField:
		return a.Field == b.Field && sameLoc(a.Lhs, b.Lhs)
	case OpIndex:
		return isNum(a.Rhs) && isNum(b.Rhs) && a.Rhs.Val == b.Rhs.Val && a.Type.Size == b.Type.Size && sameLoc(a.Lhs, b.Lhs)
	case OpDeref:
		pa, da := ptrDisp(a.Lhs)
		pb, db := ptrDisp(b.Lhs)
		pa, pb = strip(pa), strip(pb)
		return da == db && pa.Op == OpVar && pb.Op == OpVar && pa.Var == pb.Var
	}
	return false
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

// zero clears size bytes at memory operand m (address EAX for large
// objects), keeping EAX.
func (g *gen) zero(m mem, size int) {
	if size > 64 {
		if m.base != "eax" || m.index != "" || m.sym != "" || m.disp != 0 {
			g.ins("lea eax, %s", m)
		}
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
	base := m.disp
	for off := 0; off < size; {
		w := 4
		switch {
		case off+4 <= size:
		case off+2 <= size:
			w = 2
		default:
			w = 1
		}
		m.disp = base + int64(off)
		g.ins("mov %s %s, 0", sized(w), m)
		off += w
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
	other, end := g.newLabel(), g.newLabel()
	val := 1 // the value when the whole condition holds
	if n.Op == OpLogOr {
		// jump to other when true
		g.cond(n, other, true)
		val = 0
	} else {
		g.cond(n, other, false)
	}
	g.ins("mov eax, %d", val)
	g.ins("jmp %s", end)
	g.emitLabel(other)
	g.ins("mov eax, %d", 1-val)
	g.emitLabel(end)
}

// asm loads up to three arguments into EAX, ECX, EDX and emits the
// template right after them. Arguments that are constants or variables are
// loaded straight into their registers; otherwise all but the last wait on
// the stack.
func (g *gen) asm(n *Node) {
	regs := []string{"eax", "ecx", "edx"}
	if len(n.Args) > len(regs) {
		g.errorf(n.Pos, "backend: inline asm takes at most 3 arguments")
		return
	}
	var loads []string
	for i, a := range n.Args[min(1, len(n.Args)):] {
		ins, ok := g.load1(a, regs[i+1])
		if !ok {
			loads = nil
			break
		}
		loads = append(loads, ins)
	}
	if len(loads) == len(n.Args)-1 || len(n.Args) <= 1 {
		// The first argument in EAX, then the others each loaded by one
		// instruction: left to right, nothing on the stack.
		if len(n.Args) > 0 {
			g.expr(n.Args[0])
		}
		for _, ins := range loads {
			g.ins("%s", ins)
		}
	} else {
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
	}
	for _, l := range strings.Split(strings.TrimSpace(n.Asm), "\n") {
		g.out = append(g.out, line{kind: lineIns, text: strings.TrimSpace(l), barrier: true})
	}
}

// ecxBase returns the pointer expression ecxAddr loads into ECX for n.
func ecxBase(n *Node) *Node {
	switch n.Op {
	case OpDeref:
		p, _ := ptrDisp(n.Lhs)
		return p
	case OpField:
		return ecxBase(n.Lhs)
	case OpIndex:
		if n.Lhs.Type.Kind == Array {
			return ecxBase(n.Lhs)
		}
		return n.Lhs
	}
	return n
}
