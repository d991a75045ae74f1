package backend

// binary evaluates Lhs into EAX and Rhs into ECX, then applies the operator.
func (g *gen) binary(n *Node) {
	g.expr(n.Lhs)
	g.ins("push eax")
	g.expr(n.Rhs)
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
		g.compare(n.Op, signed)
		return
	}
	g.narrow(n.Type)
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

// compare sets EAX to 0 or 1.
func (g *gen) compare(op Op, signed bool) {
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
