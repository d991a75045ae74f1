package backend

import (
	"math/bits"
	"strings"
)

var aluName = map[Op]string{OpAdd: "add", OpSub: "sub", OpAnd: "and", OpOr: "or", OpXor: "xor"}

func commutative(op Op) bool {
	return op == OpAdd || op == OpMul || op == OpAnd || op == OpOr || op == OpXor
}

func isCompare(n *Node) bool { return n.Op >= OpEq && n.Op <= OpGe }

// binary evaluates Lhs into EAX and applies the operator with Rhs. A right
// operand that is a constant or a variable is used in place (an immediate
// or memory operand, or loaded straight into ECX); otherwise Lhs waits on
// the stack while Rhs is computed. Lhs is always evaluated first, except
// that a variable or constant Lhs is read after a pure Rhs, which nothing
// can observe.
func (g *gen) binary(n *Node) {
	if isCompare(n) {
		g.ins("set%s eax", g.compareFlags(n))
		return
	}
	l, r := n.Lhs, n.Rhs
	signed := l.Type.IsSigned()
	_, aluOp := aluName[n.Op]
	aluOp = aluOp || n.Op == OpMul
	switch {
	case isNum(r):
		g.expr(l)
		g.opConst(n, signed, uint32(r.Val))
	case aluOp && g.isSrc(r):
		s, _ := g.src(r)
		g.expr(l)
		g.aluSrc(n.Op, s)
	case g.canLoad(r, "ecx"):
		ins, _ := g.load1(r, "ecx")
		g.expr(l)
		g.ins("%s", ins)
		g.opECX(n, signed)
	case g.viaECX(r) != nil:
		// A field through a pointer variable: still read after Lhs.
		ins := g.viaECX(r)
		g.expr(l)
		for _, in := range ins[:len(ins)-1] {
			g.ins("%s", in)
		}
		if m, ok := isMemLoad(ins[len(ins)-1]); ok && aluOp {
			g.aluSrc(n.Op, m)
		} else {
			g.ins("%s", ins[len(ins)-1])
			g.opECX(n, signed)
		}
	case commutative(n.Op) && g.isSrc(l) && (pure(r) || g.private(l)):
		s, _ := g.src(l)
		g.expr(r)
		g.aluSrc(n.Op, s)
	case g.canLoad(l, "eax") && (isNum(l) || pure(r) || g.private(l)):
		ins, _ := g.load1(l, "eax")
		g.expr(r)
		g.ins("mov ecx, eax")
		g.ins("%s", ins)
		g.opECX(n, signed)
	case commutative(n.Op):
		g.expr(l)
		g.ins("push eax")
		g.expr(r)
		g.ins("pop ecx")
		if n.Op == OpMul {
			g.ins("imul eax, ecx")
		} else {
			g.ins("%s eax, ecx", aluName[n.Op])
		}
	default:
		g.expr(l)
		g.ins("push eax")
		g.expr(r)
		g.ins("mov ecx, eax")
		g.ins("pop eax")
		g.opECX(n, signed)
	}
	g.narrow(n.Type)
}

func (g *gen) isSrc(n *Node) bool               { _, ok := g.src(n); return ok }
func (g *gen) canLoad(n *Node, reg string) bool { _, ok := g.load1(n, reg); return ok }

// aluSrc applies op (an ALU operator or multiplication) with operand s.
func (g *gen) aluSrc(op Op, s string) {
	switch {
	case op != OpMul:
		g.ins("%s eax, %s", aluName[op], s)
	case strings.HasPrefix(s, "["):
		g.ins("imul eax, %s", s)
	default:
		g.ins("imul eax, eax, %s", s)
	}
}

// opECX applies the operator of n to EAX and ECX.
func (g *gen) opECX(n *Node, signed bool) {
	switch n.Op {
	case OpAdd, OpSub, OpAnd, OpOr, OpXor:
		g.ins("%s eax, ecx", aluName[n.Op])
	case OpMul:
		g.ins("imul eax, ecx")
	case OpDiv, OpMod:
		g.divide(n, signed)
	case OpShl, OpShr:
		g.shift(n.Op, signed)
	}
}

// opConst applies the operator of n to EAX and the constant c.
func (g *gen) opConst(n *Node, signed bool, c uint32) {
	switch n.Op {
	case OpAdd, OpSub, OpOr, OpXor:
		if c != 0 {
			g.ins("%s eax, %s", aluName[n.Op], imm(int64(c)))
		}
	case OpAnd:
		if c != 0xFFFFFFFF {
			g.ins("and eax, %s", imm(int64(c)))
		}
	case OpMul:
		switch {
		case c == 1:
		case c == 0:
			g.ins("mov eax, 0")
		case c&(c-1) == 0:
			g.ins("shl eax, %d", bits.TrailingZeros32(c))
		default:
			g.ins("imul eax, eax, %s", imm(int64(c)))
		}
	case OpDiv, OpMod:
		g.divConst(n, signed, c)
	case OpShl, OpShr:
		switch {
		case c >= 32 && n.Op == OpShr && signed:
			g.ins("sar eax, 31")
		case c >= 32:
			g.ins("mov eax, 0")
		case c == 0:
		case n.Op == OpShl:
			g.ins("shl eax, %d", c)
		case signed:
			g.ins("sar eax, %d", c)
		default:
			g.ins("shr eax, %d", c)
		}
	}
}

// divConst divides EAX by the constant c: no zero check for c != 0, no
// MinInt32 / -1 check for c != -1, shifts and masks for unsigned powers of
// two.
func (g *gen) divConst(n *Node, signed bool, c uint32) {
	mod := n.Op == OpMod
	switch {
	case c == 0:
		g.ins("mov ecx, 0")
		g.divide(n, signed)
		return
	case c == 1 || signed && int32(c) == -1:
		if mod {
			g.ins("mov eax, 0")
		} else if c != 1 {
			g.ins("neg eax")
		}
		return
	case !signed && c&(c-1) == 0:
		if mod {
			g.ins("and eax, %s", imm(int64(c-1)))
		} else {
			g.ins("shr eax, %d", bits.TrailingZeros32(c))
		}
		return
	}
	g.ins("mov ecx, %s", imm(int64(c)))
	if signed {
		g.ins("cdq")
		g.ins("idiv ecx")
	} else {
		g.ins("mov edx, 0")
		g.ins("div ecx")
	}
	if mod {
		g.ins("mov eax, edx")
	}
}

// divide computes EAX / ECX or EAX % ECX. A zero divisor calls the
// DivZero routine (if any); a signed divisor of -1 is done by negation so
// that MinInt32 / -1 wraps instead of faulting.
func (g *gen) divide(n *Node, signed bool) {
	if g.opt.DivZero != "" {
		ok := g.newLabel()
		g.ins("cmp ecx, 0")
		g.ins("jne %s", ok)
		g.ins("call %s", g.opt.DivZero)
		g.emitLabel(ok)
	}
	if !signed {
		g.ins("mov edx, 0")
		g.ins("div ecx")
		if n.Op == OpMod {
			g.ins("mov eax, edx")
		}
		return
	}
	normal, end := g.newLabel(), g.newLabel()
	g.ins("cmp ecx, -1")
	g.ins("jne %s", normal)
	if n.Op == OpDiv {
		g.ins("neg eax")
	} else {
		g.ins("mov eax, 0")
	}
	g.ins("jmp %s", end)
	g.emitLabel(normal)
	g.ins("cdq")
	g.ins("idiv ecx")
	if n.Op == OpMod {
		g.ins("mov eax, edx")
	}
	g.emitLabel(end)
}

// shift computes EAX << ECX or >>. Counts of 32 or more give 0, or the sign
// for an arithmetic right shift, as in Go; the machine would mask them.
func (g *gen) shift(op Op, signed bool) {
	ok := g.newLabel()
	g.ins("cmp ecx, 32")
	g.ins("jb %s", ok)
	if op == OpShr && signed {
		g.ins("mov ecx, 31")
	} else {
		g.ins("mov eax, 0")
	}
	g.emitLabel(ok)
	switch {
	case op == OpShl:
		g.ins("shl eax, cl")
	case signed:
		g.ins("sar eax, cl")
	default:
		g.ins("shr eax, cl")
	}
}

// condCode is the condition code under which the comparison n holds.
func condCode(op Op, signed bool) string {
	cc := map[Op][2]string{
		OpEq: {"e", "e"}, OpNe: {"ne", "ne"},
		OpLt: {"b", "l"}, OpLe: {"be", "le"}, OpGt: {"a", "g"}, OpGe: {"ae", "ge"},
	}[op]
	if signed {
		return cc[1]
	}
	return cc[0]
}

// negate is the condition code that holds when cc does not.
func negate(cc string) string {
	return map[string]string{
		"e": "ne", "ne": "e", "l": "ge", "ge": "l", "le": "g", "g": "le",
		"b": "ae", "ae": "b", "be": "a", "a": "be",
	}[cc]
}

// compareFlags emits the comparison n (Lhs against Rhs) and returns the
// condition code under which it holds.
func (g *gen) compareFlags(n *Node) string {
	l, r := n.Lhs, n.Rhs
	cc := condCode(n.Op, l.Type.IsSigned())
	ls, lsrc := g.src(l)
	lmem := lsrc && strings.HasPrefix(ls, "[")
	switch {
	case isNum(r) && lmem:
		g.ins("cmp dword %s, %s", ls, imm(r.Val))
	case isNum(r) && isLoad32(l):
		g.ins("cmp dword %s, %s", g.amode(l), imm(r.Val))
	case g.isSrc(r):
		s, _ := g.src(r)
		g.expr(l)
		g.ins("cmp eax, %s", s)
	case g.canLoad(r, "ecx"):
		ins, _ := g.load1(r, "ecx")
		g.expr(l)
		g.ins("%s", ins)
		g.ins("cmp eax, ecx")
	case g.viaECX(r) != nil:
		ins := g.viaECX(r)
		g.expr(l)
		for _, in := range ins[:len(ins)-1] {
			g.ins("%s", in)
		}
		if m, ok := isMemLoad(ins[len(ins)-1]); ok {
			g.ins("cmp eax, %s", m)
		} else {
			g.ins("%s", ins[len(ins)-1])
			g.ins("cmp eax, ecx")
		}
	case lmem && (pure(r) || g.private(l)):
		g.expr(r)
		g.ins("cmp %s, eax", ls)
	case g.canLoad(l, "eax") && (isNum(l) || pure(r) || g.private(l)):
		ins, _ := g.load1(l, "eax")
		g.expr(r)
		g.ins("mov ecx, eax")
		g.ins("%s", ins)
		g.ins("cmp eax, ecx")
	default:
		g.expr(l)
		g.ins("push eax")
		g.expr(r)
		g.ins("pop ecx")
		g.ins("cmp ecx, eax")
	}
	return cc
}

// cond emits a jump to target taken when n is true (jumpIf) or false; the
// other case falls through. Comparisons jump on their flags, && and ||
// short-circuit, ! swaps the sense.
func (g *gen) cond(n *Node, target string, jumpIf bool) {
	switch {
	case n.Op == OpNum:
		if (uint32(n.Val) != 0) == jumpIf {
			g.ins("jmp %s", target)
		}
		return
	case n.Op == OpNot:
		g.cond(n.Lhs, target, !jumpIf)
		return
	case n.Op == OpLogAnd || n.Op == OpLogOr:
		// Jump when true for ||, when false for &&: both operands the same way.
		if (n.Op == OpLogOr) == jumpIf {
			g.cond(n.Lhs, target, jumpIf)
			g.cond(n.Rhs, target, jumpIf)
			return
		}
		skip := g.newLabel()
		g.cond(n.Lhs, skip, !jumpIf)
		g.cond(n.Rhs, target, jumpIf)
		g.emitLabel(skip)
		return
	case isCompare(n):
		cc := g.compareFlags(n)
		if !jumpIf {
			cc = negate(cc)
		}
		g.ins("j%s %s", cc, target)
		return
	case n.Op == OpCast && n.Lhs.Type.IsScalar() && (n.Type.Kind == Bool || n.Type.Size >= n.Lhs.Type.Size && n.Type.IsScalar()):
		// Widening keeps zero and non-zero apart.
		g.cond(n.Lhs, target, jumpIf)
		return
	case n.Op == OpComma:
		g.discard(n.Lhs)
		g.cond(n.Rhs, target, jumpIf)
		return
	}
	if isLoad32(n) {
		g.ins("cmp dword %s, 0", g.amode(n))
	} else {
		g.expr(n)
		g.ins("cmp eax, 0")
	}
	if jumpIf {
		g.ins("jne %s", target)
	} else {
		g.ins("je %s", target)
	}
}

// isLoad32 reports whether n is a 4-byte scalar read from memory (a
// variable, field, element or dereference), which instructions can take as
// a memory operand.
func isLoad32(n *Node) bool {
	switch n.Op {
	case OpVar:
		if n.Var.Func {
			return false
		}
	case OpDeref, OpField, OpIndex:
	default:
		return false
	}
	return n.Type.IsScalar() && n.Type.Size == 4
}

// viaECX returns the instructions that load scalar n into ECX using no
// other register, for a field or constant element through a pointer
// variable (mov ecx, [ebp-4]; mov ecx, [ecx+8]); nil otherwise.
func (g *gen) viaECX(n *Node) []string {
	n = strip(n)
	switch n.Op {
	case OpDeref, OpField, OpIndex:
	default:
		return nil
	}
	if !n.Type.IsScalar() {
		return nil
	}
	ins, m, ok := g.ecxAddr(n)
	if !ok {
		return nil
	}
	return []string{ins, extend(n.Type, "ecx", m.String())}
}

// isMemLoad returns the memory operand of "mov ecx, [..]".
func isMemLoad(ins string) (string, bool) {
	if m, ok := strings.CutPrefix(ins, "mov ecx, "); ok && strings.HasPrefix(m, "[") {
		return m, true
	}
	return "", false
}
