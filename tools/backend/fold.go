package backend

// Constant folding, done on a copy of each function body before code
// generation: operators and conversions whose operands are constants become
// constants (with the same 32-bit wrap-around, truncation to narrow types
// and signedness the generated code would apply), chains like
// (x | 1) | 2 become x | 3, and index checks of constant indexes that are
// in range disappear. Nothing that could fault or has an effect is removed:
// a division by a constant zero and out-of-range constant indexes are left
// to the run-time code.

// fold returns n with its constant subexpressions folded. Nodes that change
// are copies; the front end's tree is not modified.
func fold(n *Node) *Node {
	if n == nil {
		return nil
	}
	c := *n
	changed := false
	sub := func(p **Node) {
		if *p != nil {
			if f := fold(*p); f != *p {
				*p, changed = f, true
			}
		}
	}
	for _, p := range []**Node{&c.Lhs, &c.Rhs, &c.Cond, &c.Then, &c.Else, &c.Init, &c.Inc, &c.Fn} {
		sub(p)
	}
	foldList := func(list []*Node) []*Node {
		var out []*Node
		for i, x := range list {
			if f := fold(x); f != x {
				if out == nil {
					out = append([]*Node(nil), list...)
				}
				out[i] = f
			}
		}
		if out == nil {
			return list
		}
		changed = true
		return out
	}
	c.Body = foldList(c.Body)
	c.Args = foldList(c.Args)
	if r := foldNode(&c); r != nil {
		return r
	}
	if !changed {
		return n
	}
	// Switch cases are also referenced from Cases; keep those pointers
	// valid by never copying OpCase nodes (they have no children).
	return &c
}

// isNum reports whether n is an integer constant.
func isNum(n *Node) bool { return n != nil && n.Op == OpNum }

// wrap gives the value a 32-bit result has once held in EAX as a value of
// type t: truncated and re-extended for narrow integer types.
func wrap(t *Type, v uint32) uint32 {
	if t == nil || !t.IsInteger() || t.Size >= 4 || t.Kind == Bool {
		return v
	}
	switch t.Kind {
	case Int8:
		return uint32(int32(int8(v)))
	case Uint8:
		return uint32(uint8(v))
	case Int16:
		return uint32(int32(int16(v)))
	case Uint16:
		return uint32(uint16(v))
	}
	return v
}

func constNode(n *Node, v uint32) *Node {
	return &Node{Op: OpNum, Type: n.Type, Pos: n.Pos, Val: int64(int32(v))}
}

func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// foldNode returns the constant (or simpler node) n stands for, or nil.
func foldNode(n *Node) *Node {
	l, r := n.Lhs, n.Rhs
	switch n.Op {
	case OpAdd, OpSub, OpMul, OpAnd, OpOr, OpXor, OpDiv, OpMod, OpShl, OpShr,
		OpEq, OpNe, OpLt, OpLe, OpGt, OpGe:
		if isNum(l) && isNum(r) {
			if v, ok := arith(n.Op, l.Type.IsSigned(), uint32(l.Val), uint32(r.Val)); ok {
				if n.Op >= OpEq && n.Op <= OpGe {
					return constNode(n, v)
				}
				return constNode(n, wrap(n.Type, v))
			}
			return nil
		}
		return reassociate(n)
	case OpNeg:
		if isNum(l) {
			return constNode(n, wrap(n.Type, -uint32(l.Val)))
		}
	case OpBitNot:
		if isNum(l) {
			return constNode(n, wrap(n.Type, ^uint32(l.Val)))
		}
	case OpNot:
		if isNum(l) {
			return constNode(n, b2u(uint32(l.Val) == 0))
		}
	case OpCast:
		if isNum(l) && n.Type.IsScalar() && l.Type.IsScalar() {
			if n.Type.Kind == Bool {
				return constNode(n, b2u(uint32(l.Val) != 0))
			}
			return constNode(n, wrap(n.Type, uint32(l.Val)))
		}
	case OpCheck:
		if isNum(l) && isNum(r) && uint32(l.Val) < uint32(r.Val) {
			return l
		}
	case OpLogAnd, OpLogOr:
		if isNum(l) && isNum(r) {
			a, b := uint32(l.Val) != 0, uint32(r.Val) != 0
			if n.Op == OpLogAnd {
				return constNode(n, b2u(a && b))
			}
			return constNode(n, b2u(a || b))
		}
	case OpCond:
		if isNum(n.Cond) && n.Then != nil && n.Else != nil {
			if uint32(n.Cond.Val) != 0 {
				return n.Then
			}
			return n.Else
		}
	}
	return nil
}

// arith computes a op b as the generated code does: 32-bit operands,
// signedness from the left operand; ok is false for a division by zero.
func arith(op Op, signed bool, a, b uint32) (uint32, bool) {
	sa, sb := int32(a), int32(b)
	switch op {
	case OpAdd:
		return a + b, true
	case OpSub:
		return a - b, true
	case OpMul:
		return a * b, true
	case OpAnd:
		return a & b, true
	case OpOr:
		return a | b, true
	case OpXor:
		return a ^ b, true
	case OpDiv, OpMod:
		if b == 0 {
			return 0, false
		}
		if !signed {
			if op == OpDiv {
				return a / b, true
			}
			return a % b, true
		}
		if sb == -1 { // MinInt32 / -1 wraps, its remainder is 0
			if op == OpDiv {
				return uint32(-sa), true
			}
			return 0, true
		}
		if op == OpDiv {
			return uint32(sa / sb), true
		}
		return uint32(sa % sb), true
	case OpShl:
		if b >= 32 {
			return 0, true
		}
		return a << b, true
	case OpShr:
		switch {
		case signed && b >= 32:
			return uint32(sa >> 31), true
		case signed:
			return uint32(sa >> b), true
		case b >= 32:
			return 0, true
		}
		return a >> b, true
	case OpEq:
		return b2u(a == b), true
	case OpNe:
		return b2u(a != b), true
	case OpLt:
		if signed {
			return b2u(sa < sb), true
		}
		return b2u(a < b), true
	case OpLe:
		if signed {
			return b2u(sa <= sb), true
		}
		return b2u(a <= b), true
	case OpGt:
		if signed {
			return b2u(sa > sb), true
		}
		return b2u(a > b), true
	case OpGe:
		if signed {
			return b2u(sa >= sb), true
		}
		return b2u(a >= b), true
	}
	return 0, false
}

// reassociate turns (x op c1) op c2 into x op (c1 op c2) for the operators
// whose low bits depend only on the operands' low bits (so narrowing in
// between or only at the end gives the same), with + and - mixed.
func reassociate(n *Node) *Node {
	l, r := n.Lhs, n.Rhs
	if !isNum(r) || l == nil || l.Rhs == nil || !isNum(l.Rhs) || l.Type == nil || n.Type == nil ||
		l.Type.Kind != n.Type.Kind || l.Type.Size != n.Type.Size {
		return nil
	}
	c1, c2 := uint32(l.Rhs.Val), uint32(r.Val)
	var op Op
	var c uint32
	switch {
	case (n.Op == OpAdd || n.Op == OpSub) && (l.Op == OpAdd || l.Op == OpSub):
		// x ± c1 ± c2 = x + (±c1 ± c2)
		if l.Op == OpSub {
			c1 = -c1
		}
		if n.Op == OpSub {
			c2 = -c2
		}
		op, c = OpAdd, c1+c2
	case n.Op == l.Op && (n.Op == OpMul || n.Op == OpAnd || n.Op == OpOr || n.Op == OpXor):
		op = n.Op
		c, _ = arith(op, false, c1, c2)
	default:
		return nil
	}
	m := *n
	m.Op, m.Lhs, m.Rhs = op, l.Lhs, constNode(r, c)
	m.Rhs.Type = l.Rhs.Type
	if f := foldNode(&m); f != nil {
		return f
	}
	return &m
}
