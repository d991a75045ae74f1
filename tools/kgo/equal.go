package kgo

import (
	"go/token"
	"go/types"

	"v6vm/tools/backend"
)

// maxEqualLeaves bounds the comparisons one == on structs or arrays may
// expand to; beyond it the comparison is not cheap and is refused.
const maxEqualLeaves = 64

// compareAggregate lowers == and != on structs and arrays as the && of the
// comparisons of their scalar leaves (padding never takes part, as in Go).
// Both operands' addresses are taken once.
func (c *compiler) compareAggregate(p backend.Pos, op token.Token, t types.Type, x, y *backend.Node) *backend.Node {
	boolT := backend.Int(backend.Bool)
	if n := leaves(t); n > maxEqualLeaves {
		c.errs = append(c.errs, &posError{c.position(p), "comparison of structs/arrays with more than 64 parts: outside the kernel subset"})
		return backend.Num(p, boolT, 0)
	}
	bt := c.irType(t)
	px, py := c.temp(backend.PtrTo(bt)), c.temp(backend.PtrTo(bt))
	set := []*backend.Node{
		backend.Assign(p, backend.Var(p, px), backend.Unary(p, backend.OpAddr, px.Type, x)),
		backend.Assign(p, backend.Var(p, py), backend.Unary(p, backend.OpAddr, py.Type, y)),
	}
	a := backend.Unary(p, backend.OpDeref, bt, backend.Var(p, px))
	b := backend.Unary(p, backend.OpDeref, bt, backend.Var(p, py))
	eq := c.equalLeaves(p, t, a, b)
	if op == token.NEQ {
		eq = backend.Unary(p, backend.OpNot, boolT, eq)
	}
	return commaThen(p, set, eq)
}

func (c *compiler) equalLeaves(p backend.Pos, t types.Type, a, b *backend.Node) *backend.Node {
	boolT := backend.Int(backend.Bool)
	var parts []*backend.Node
	switch u := t.Underlying().(type) {
	case *types.Struct:
		bt := c.irType(t)
		for i := range u.NumFields() {
			if u.Field(i).Name() == "_" {
				continue
			}
			f := bt.Fields[i]
			parts = append(parts, c.equalLeaves(p, u.Field(i).Type(), backend.FieldOf(p, a, f), backend.FieldOf(p, b, f)))
		}
	case *types.Array:
		et := c.irType(u.Elem())
		for i := range u.Len() {
			ai := &backend.Node{Op: backend.OpIndex, Type: et, Pos: p, Lhs: a, Rhs: backend.Num(p, backend.Int(backend.Int32), i)}
			bi := &backend.Node{Op: backend.OpIndex, Type: et, Pos: p, Lhs: b, Rhs: backend.Num(p, backend.Int(backend.Int32), i)}
			parts = append(parts, c.equalLeaves(p, u.Elem(), ai, bi))
		}
	default:
		return c.compare(p, token.EQL, t, a, b)
	}
	if len(parts) == 0 {
		return backend.Num(p, boolT, 1)
	}
	eq := parts[0]
	for _, q := range parts[1:] {
		eq = backend.Binary(p, backend.OpLogAnd, boolT, eq, q)
	}
	return eq
}

// leaves counts the scalar (and string) comparisons of t.
func leaves(t types.Type) int64 {
	switch u := t.Underlying().(type) {
	case *types.Struct:
		n := int64(0)
		for i := range u.NumFields() {
			n += leaves(u.Field(i).Type())
		}
		return n
	case *types.Array:
		return min(leaves(u.Elem())*u.Len(), 1<<40)
	}
	return 1
}
