package backend

import (
	"fmt"
	"strings"
)

// A mem is a memory operand [base+index*scale+sym+disp].
type mem struct {
	base, index string // registers, or ""
	scale       int
	sym         string // a global's symbol, or ""
	disp        int64
}

func (m mem) String() string {
	var b strings.Builder
	b.WriteByte('[')
	sep := ""
	if m.base != "" {
		b.WriteString(m.base)
		sep = "+"
	}
	if m.sym != "" {
		b.WriteString(sep + m.sym)
		sep = "+"
	}
	if m.index != "" {
		fmt.Fprintf(&b, "%s%s*%d", sep, m.index, m.scale)
		sep = "+"
	}
	if m.disp != 0 || sep == "" {
		if sep == "" {
			fmt.Fprintf(&b, "%d", m.disp)
		} else {
			fmt.Fprintf(&b, "%+d", m.disp)
		}
	}
	b.WriteByte(']')
	return b.String()
}

// uses reports whether the operand's address depends on register r.
func (m mem) uses(r string) bool { return m.base == r || m.index == r }

// plain reports whether m needs no register but EBP.
func (m mem) plain() bool { return (m.base == "" || m.base == "ebp") && m.index == "" }

// pure reports whether evaluating n writes no memory and changes no state
// it then returns to: no calls, assignments, inline asm or zeroing. It may
// still read memory, fault, or panic (index checks and division by zero
// call routines that never return).
func pure(n *Node) bool {
	if n == nil {
		return true
	}
	switch n.Op {
	case OpCall, OpAssign, OpAsm, OpZero:
		return false
	}
	for _, c := range []*Node{n.Lhs, n.Rhs, n.Cond, n.Then, n.Else} {
		if !pure(c) {
			return false
		}
	}
	return true
}

// safe reports whether evaluating n is pure and cannot fault or panic:
// evaluating it earlier or later than other pure code is unobservable.
func safe(n *Node) bool {
	if n == nil {
		return true
	}
	switch n.Op {
	case OpNum, OpVar:
		return true
	case OpAddr:
		return safeAddr(n.Lhs)
	case OpField, OpIndex:
		return safeAddr(n)
	case OpCast, OpNeg, OpBitNot, OpNot:
		return safe(n.Lhs)
	case OpAdd, OpSub, OpMul, OpAnd, OpOr, OpXor, OpShl, OpShr,
		OpEq, OpNe, OpLt, OpLe, OpGt, OpGe, OpLogAnd, OpLogOr, OpComma:
		return safe(n.Lhs) && safe(n.Rhs)
	case OpDiv, OpMod:
		return safe(n.Lhs) && isNum(n.Rhs) && uint32(n.Rhs.Val) != 0
	case OpCond:
		return safe(n.Cond) && safe(n.Then) && safe(n.Else)
	}
	return false
}

// safeAddr reports whether n is a variable or a field of one, whose address
// is a constant of the frame or of static data.
func safeAddr(n *Node) bool {
	switch n.Op {
	case OpVar:
		return true
	case OpField:
		return safeAddr(n.Lhs)
	case OpIndex:
		return n.Lhs.Type.Kind == Array && isNum(n.Rhs) && safeAddr(n.Lhs)
	}
	return false
}

// isVoid reports whether t is the Void type (inline asm without result).
func isVoid(t *Type) bool { return t == nil || t.Kind == Void }

// noop reports whether the cast n changes nothing in EAX: a 4-byte
// non-bool integer or pointer result of a scalar value (which is held
// extended already).
func noopCast(n *Node) bool {
	return n.Op == OpCast && n.Type.Size == 4 && n.Type.Kind != Bool && n.Type.IsScalar() &&
		(n.Lhs.Type.IsScalar() || n.Lhs.Type.Kind == Func)
}

// strip removes no-op casts.
func strip(n *Node) *Node {
	for noopCast(n) {
		n = n.Lhs
	}
	return n
}

// constAddr returns the memory operand of a variable, or a field or
// constant element of one, whose address needs no code.
func (g *gen) constAddr(n *Node) (mem, bool) {
	switch n.Op {
	case OpVar:
		if n.Var.Func {
			return mem{}, false
		}
		if off, ok := g.frame[n.Var]; ok {
			return mem{base: "ebp", disp: int64(off)}, true
		}
		if n.Var.Local {
			return mem{}, false
		}
		return mem{sym: n.Var.Name}, true
	case OpField:
		m, ok := g.constAddr(n.Lhs)
		m.disp += int64(n.Field.Offset)
		return m, ok
	case OpIndex:
		if n.Lhs.Type.Kind == Array && isNum(n.Rhs) {
			m, ok := g.constAddr(n.Lhs)
			m.disp += int64(int32(n.Rhs.Val)) * int64(n.Type.Size)
			return m, ok
		}
	case OpDeref:
		// *(&x + c), as C writes x[c] for an array x.
		p, disp := ptrDisp(n.Lhs)
		if p = strip(p); p.Op == OpAddr {
			m, ok := g.constAddr(p.Lhs)
			m.disp += disp
			return m, ok
		}
	}
	return mem{}, false
}

// src returns an operand that yields the 32-bit value of n in a two-operand
// instruction with no code before it: an immediate (a constant, the
// address of a global or function) or a 4-byte variable in memory.
func (g *gen) src(n *Node) (string, bool) {
	n = strip(n)
	switch n.Op {
	case OpNum:
		return imm(n.Val), true
	case OpVar:
		if n.Var.Func {
			return n.Var.Name, true
		}
	case OpAddr:
		if m, ok := g.constAddr(n.Lhs); ok && m.base == "" {
			return symImm(m), true
		}
		if n.Lhs.Op == OpVar && n.Lhs.Var.Func {
			return n.Lhs.Var.Name, true
		}
		return "", false
	}
	if n.Type.IsAggregate() || n.Type.Size != 4 || !n.Type.IsScalar() {
		return "", false
	}
	if m, ok := g.constAddr(n); ok {
		return m.String(), true
	}
	return "", false
}

// symImm is the immediate address of a static memory operand.
func symImm(m mem) string {
	if m.disp != 0 {
		return fmt.Sprintf("%s%+d", m.sym, m.disp)
	}
	return m.sym
}

// load1 returns the single instruction that loads n's value into the
// 32-bit register reg, for constants, scalar variables (and fields and
// constant elements of variables) of any size, and constant addresses.
func (g *gen) load1(n *Node, reg string) (string, bool) {
	n = strip(n)
	if s, ok := g.src(n); ok {
		return fmt.Sprintf("mov %s, %s", reg, s), true
	}
	switch n.Op {
	case OpAddr:
		if m, ok := g.constAddr(n.Lhs); ok {
			return fmt.Sprintf("lea %s, %s", reg, m), true
		}
		return "", false
	case OpCast:
		// A narrowing cast of a variable loads its low bytes.
		if n.Type.IsInteger() && n.Type.Kind != Bool && n.Type.Size < 4 && n.Lhs.Type.IsScalar() && n.Lhs.Type.Size >= n.Type.Size {
			if m, ok := g.constAddr(n.Lhs); ok {
				return extend(n.Type, reg, m.String()), true
			}
		}
		return "", false
	}
	if !n.Type.IsScalar() {
		return "", false
	}
	if m, ok := g.constAddr(n); ok {
		return extend(n.Type, reg, m.String()), true
	}
	return "", false
}

// extend is the instruction loading a value of type t from memory operand m
// into reg, extended to 32 bits.
func extend(t *Type, reg, m string) string {
	switch t.Size {
	case 1, 2:
		ext, width := "movzx", map[int]string{1: "byte", 2: "word"}[t.Size]
		if t.IsSigned() {
			ext = "movsx"
		}
		return fmt.Sprintf("%s %s, %s %s", ext, reg, width, m)
	}
	return fmt.Sprintf("mov %s, %s", reg, m)
}

// regOf names the low 8 or 16 bits of a 32-bit register for a store of
// size bytes.
func regOf(reg string, size int) string {
	switch size {
	case 1:
		return reg[1:2] + "l"
	case 2:
		return reg[1:]
	}
	return reg
}

// sized is the size keyword for a store of an immediate.
func sized(size int) string {
	switch size {
	case 1:
		return "byte"
	case 2:
		return "word"
	}
	return "dword"
}
