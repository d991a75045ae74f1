package kgo

import (
	"go/token"

	"v6vm/tools/backend"
)

// compareStrings lowers a string comparison to a call of the package's own
// three-way comparison function, which the compiler writes in IR on first
// use, so no runtime routine is needed.
func (c *compiler) compareStrings(p backend.Pos, op token.Token, x, y *backend.Node) *backend.Node {
	i32 := backend.Int(backend.Int32)
	bop := map[token.Token]backend.Op{
		token.EQL: backend.OpEq, token.NEQ: backend.OpNe, token.LSS: backend.OpLt,
		token.LEQ: backend.OpLe, token.GTR: backend.OpGt, token.GEQ: backend.OpGe,
	}[op]
	fn := c.strcmpFunc(p)
	call := backend.Call(p, i32, backend.Var(p, fn), []*backend.Node{x, y})
	return backend.Binary(p, bop, backend.Int(backend.Bool), call, backend.Num(p, i32, 0))
}

// strcmpFunc returns PKG_strcmp(a, b string) int: -1, 0 or 1 as
// strings.Compare, comparing bytes then lengths. Its position is that of
// its first use, so its instructions map to a line that needs it.
func (c *compiler) strcmpFunc(p backend.Pos) *backend.Obj {
	if c.strcmp != nil {
		return c.strcmp
	}
	i32, boolT, st := backend.Int(backend.Int32), backend.Int(backend.Bool), c.stringType()
	u8 := backend.Int(backend.Uint8)
	a := &backend.Obj{Name: "a", Type: st, Local: true}
	b := &backend.Obj{Name: "b", Type: st, Local: true}
	n := &backend.Obj{Name: "n", Type: i32, Local: true}
	i := &backend.Obj{Name: "i", Type: i32, Local: true}
	v := func(o *backend.Obj) *backend.Node { return backend.Var(p, o) }
	lenOf := func(s *backend.Obj) *backend.Node { return backend.FieldOf(p, v(s), st.Fields[1]) }
	at := func(s *backend.Obj) *backend.Node {
		return &backend.Node{Op: backend.OpIndex, Type: u8, Pos: p, Lhs: backend.FieldOf(p, v(s), st.Fields[0]), Rhs: v(i)}
	}
	cmp := func(op backend.Op, x, y *backend.Node) *backend.Node { return backend.Binary(p, op, boolT, x, y) }
	ret := func(k int64) *backend.Node { return backend.Return(p, backend.Num(p, i32, k)) }
	ifThen := func(cond, then *backend.Node) *backend.Node {
		return &backend.Node{Op: backend.OpIf, Pos: p, Cond: cond, Then: then}
	}
	set := func(o *backend.Obj, x *backend.Node) *backend.Node {
		return backend.ExprStmt(backend.Assign(p, v(o), x))
	}
	loop := &backend.Node{Op: backend.OpFor, Pos: p,
		Init: set(i, backend.Num(p, i32, 0)),
		Cond: cmp(backend.OpLt, v(i), v(n)),
		Inc:  backend.Assign(p, v(i), backend.Binary(p, backend.OpAdd, i32, v(i), backend.Num(p, i32, 1))),
		Then: ifThen(cmp(backend.OpNe, at(a), at(b)),
			backend.Block(p, ifThen(cmp(backend.OpLt, at(a), at(b)), ret(-1)), ret(1)))}
	fn := &backend.Obj{
		Name: c.pkg.Name() + "_strcmp", Func: true, Static: true, Pos: p,
		Type:   backend.FuncOf(i32, []*backend.Type{st, st}, false),
		Params: []*backend.Obj{a, b}, Locals: []*backend.Obj{n, i},
		Body: backend.Block(p,
			set(n, lenOf(a)),
			ifThen(cmp(backend.OpLt, lenOf(b), v(n)), set(n, lenOf(b))),
			loop,
			ifThen(cmp(backend.OpLt, lenOf(a), lenOf(b)), ret(-1)),
			ifThen(cmp(backend.OpGt, lenOf(a), lenOf(b)), ret(1)),
			ret(0)),
	}
	c.strcmp = fn
	c.prog.Objs = append(c.prog.Objs, fn)
	return fn
}
