package backend

import "strings"

// call emits a call. The stack at the call is plain cdecl (first argument
// at [esp]), and arguments are evaluated left to right. In general the
// outgoing argument area is reserved first and each argument is evaluated
// straight into its slot; when the arguments are all pure, and at most one
// of them could fault, the order of their evaluation cannot be observed,
// so they are pushed right to left instead (constants and variables by a
// single push). A call returning an aggregate passes the address of its
// result buffer as a hidden first argument.
func (g *gen) call(n *Node) {
	hidden := n.Type.IsAggregate()
	size := 0
	if !hidden && g.pushable(n.Args) {
		for i := len(n.Args) - 1; i >= 0; i-- {
			a := n.Args[i]
			if s, ok := g.src(a); ok {
				if strings.HasPrefix(s, "[") {
					s = "dword " + s
				}
				g.ins("push %s", s)
			} else {
				g.expr(a)
				g.ins("push eax")
			}
			size += 4
		}
	} else {
		offs := make([]int, len(n.Args))
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
			switch {
			case a.Type.IsAggregate():
				g.expr(a)
				g.ins("lea ecx, [esp+%d]", offs[i])
				g.copy(a.Type.Size)
			case isNum(a):
				g.ins("mov dword [esp+%d], %s", offs[i], imm(a.Val))
			default:
				g.expr(a)
				g.ins("mov [esp+%d], eax", offs[i])
			}
		}
		if hidden {
			g.ins("lea eax, [ebp%+d]", g.temps[n])
			g.ins("mov [esp], eax")
		}
	}
	switch s, ok := g.src(n.Fn); {
	case n.Fn.Op == OpVar && n.Fn.Var.Func:
		g.ins("call %s", n.Fn.Var.Name)
	case ok && strings.HasPrefix(s, "["):
		g.ins("call dword %s", s)
	default:
		g.expr(n.Fn)
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

// pushable reports whether args can be pushed right to left: all scalars
// of 4 bytes or less, pure, and at most one that could fault or panic.
//
// Loads through one and the same pointer variable count as one source of
// faults: with a bad pointer the first of them faults, whichever it is,
// on the same page unless the offsets are a page apart.
func (g *gen) pushable(args []*Node) bool {
	unsafe := 0
	var base *Obj
	for _, a := range args {
		if a.Type.IsAggregate() || a.Type.Size > 4 || !pure(a) {
			return false
		}
		if safe(a) {
			continue
		}
		if b, off := faultBase(a); b != nil && off < 4096 && (base == nil || base == b) {
			if base == nil {
				unsafe++
			}
			base = b
			continue
		}
		unsafe++
	}
	return unsafe <= 1
}

// faultBase returns the pointer variable p when the only faults n can
// raise are loads at p plus a constant below off (fields and constant
// elements of *p, combined by arithmetic that cannot fault).
func faultBase(n *Node) (*Obj, int64) {
	switch n.Op {
	case OpCast, OpNeg, OpBitNot, OpNot:
		return faultBase(n.Lhs)
	case OpAdd, OpSub, OpMul, OpAnd, OpOr, OpXor, OpShl, OpShr, OpEq, OpNe, OpLt, OpLe, OpGt, OpGe:
		var b *Obj
		var max int64
		for _, c := range []*Node{n.Lhs, n.Rhs} {
			if safe(c) {
				continue
			}
			cb, off := faultBase(c)
			if cb == nil || b != nil && cb != b {
				return nil, 0
			}
			b, max = cb, maxInt64(max, off)
		}
		return b, max
	}
	return loadBase(n, 0)
}

// loadBase returns the pointer variable p and the end offset when n is
// *p, a field or constant element of *p, or of those, at offset off.
func loadBase(n *Node, off int64) (*Obj, int64) {
	switch n.Op {
	case OpDeref:
		p, d := ptrDisp(n.Lhs)
		if p = strip(p); p.Op == OpVar && p.Type.Kind == Ptr && d >= 0 {
			return p.Var, off + d + int64(n.Type.Size)
		}
	case OpField:
		return loadBase(n.Lhs, off+int64(n.Field.Offset))
	case OpIndex:
		if n.Lhs.Type.Kind == Array && isNum(n.Rhs) && n.Rhs.Val >= 0 {
			return loadBase(n.Lhs, off+n.Rhs.Val*int64(n.Type.Size))
		}
	}
	return nil, 0
}

func maxInt64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}
