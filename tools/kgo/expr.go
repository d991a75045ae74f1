package kgo

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"v6vm/tools/backend"
)

// expr lowers an expression. Constants (including every iota, typed
// constant and unsafe.Sizeof) arrive folded by go/types.
func (c *compiler) expr(e ast.Expr) *backend.Node {
	p := c.pos(e.Pos())
	tv := c.info.Types[e]
	if tv.Value != nil {
		return c.constant(p, tv.Type, tv.Value)
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return c.expr(e.X)
	case *ast.Ident:
		return c.ident(e)
	case *ast.BinaryExpr:
		return c.binary(e)
	case *ast.UnaryExpr:
		return c.unary(e)
	case *ast.StarExpr:
		return backend.Unary(p, backend.OpDeref, c.irType(tv.Type), c.expr(e.X))
	case *ast.SelectorExpr:
		return c.selector(e)
	case *ast.IndexExpr:
		return c.index(e)
	case *ast.CallExpr:
		return c.call(e)
	case *ast.CompositeLit:
		return c.composite(e)
	}
	c.outside(e.Pos(), "this expression")
	return backend.Num(p, backend.Int(backend.Int32), 0)
}

// exprTo lowers e for use as a value of type t: untyped constants and nil
// take t's representation.
func (c *compiler) exprTo(e ast.Expr, t types.Type) *backend.Node {
	tv := c.info.Types[e]
	if tv.Value != nil {
		return c.constant(c.pos(e.Pos()), t, tv.Value)
	}
	if tv.IsNil() {
		return backend.Num(c.pos(e.Pos()), c.irType(t), 0)
	}
	return c.expr(e)
}

func (c *compiler) constant(p backend.Pos, t types.Type, v constant.Value) *backend.Node {
	if v.Kind() == constant.String {
		return c.stringConst(p, constant.StringVal(v))
	}
	return backend.Num(p, c.irType(t), constVal(v))
}

// stringConst is a string constant's value: a static header (pointer and
// length) beside its bytes, so that literals cost no stack.
func (c *compiler) stringConst(p backend.Pos, s string) *backend.Node {
	key := "\x00hdr" + s
	h, ok := c.strs[key]
	if !ok {
		st := c.stringType()
		h = &backend.Obj{Name: c.stringData(s).Name + "h", Type: st, Static: true, Init: make([]byte, 8)}
		h.Relocs = []backend.Reloc{{Offset: 0, Label: c.stringData(s).Name}}
		h.Init[4], h.Init[5], h.Init[6], h.Init[7] = byte(len(s)), byte(len(s)>>8), byte(len(s)>>16), byte(len(s)>>24)
		c.strs[key] = h
		c.prog.Objs = append(c.prog.Objs, h)
	}
	return backend.Var(p, h)
}

func (c *compiler) ident(id *ast.Ident) *backend.Node {
	p := c.pos(id.Pos())
	obj := c.info.Uses[id]
	if obj == nil {
		obj = c.info.Defs[id]
	}
	switch obj := obj.(type) {
	case *types.Var:
		if o, ok := c.fn.locals[obj]; ok {
			return backend.Var(p, o)
		}
		if o, ok := c.objs[obj]; ok {
			return backend.Var(p, o)
		}
	case *types.Nil:
		return backend.Num(p, c.irType(c.typeOf(id)), 0)
	case *types.Func:
		if fn := c.objs[obj]; fn != nil {
			return backend.Unary(p, backend.OpAddr, c.irType(obj.Type()), backend.Var(p, fn))
		}
		c.outside(id.Pos(), "intrinsics as values")
		return backend.Num(p, backend.Int(backend.Int32), 0)
	}
	c.errorf(id.Pos(), "kgo: cannot use %s here", id.Name)
	return backend.Num(p, backend.Int(backend.Int32), 0)
}

func (c *compiler) binary(e *ast.BinaryExpr) *backend.Node {
	p := c.pos(e.OpPos)
	switch e.Op {
	case token.LAND, token.LOR:
		op := map[token.Token]backend.Op{token.LAND: backend.OpLogAnd, token.LOR: backend.OpLogOr}[e.Op]
		return backend.Binary(p, op, backend.Int(backend.Bool), c.expr(e.X), c.expr(e.Y))
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		xt := c.typeOf(e.X)
		if tv := c.info.Types[e.X]; tv.Value != nil || tv.IsNil() {
			xt = c.typeOf(e.Y) // compare in the typed operand's type
		}
		return c.compare(p, e.Op, xt, c.exprTo(e.X, xt), c.exprTo(e.Y, xt))
	}
	t := c.typeOf(e)
	if isString(t) {
		c.outside(e.OpPos, "string concatenation at run time (heap allocation)")
	}
	y := c.exprTo(e.Y, t)
	if e.Op == token.SHL || e.Op == token.SHR {
		y = c.shiftCount(e.Y)
	}
	return c.arith(p, e.Op, t, c.exprTo(e.X, t), y)
}

// shiftCount lowers a shift count; a signed one that is not constant is
// checked, since Go panics on a negative count (the unsigned comparison
// with 1<<31 fails exactly for negative values).
func (c *compiler) shiftCount(e ast.Expr) *backend.Node {
	y := c.expr(e)
	if c.info.Types[e].Value != nil || isUnsigned(c.typeOf(e)) {
		return y
	}
	p := c.pos(e.Pos())
	return &backend.Node{Op: backend.OpCheck, Type: y.Type, Pos: p, Lhs: y,
		Rhs: backend.Num(p, backend.Int(backend.Uint32), 1<<31), Name: "kgo_panicshift"}
}

// arith builds x op y in Go type t; the back end wraps narrow results.
func (c *compiler) arith(p backend.Pos, op token.Token, t types.Type, x, y *backend.Node) *backend.Node {
	bt := c.irType(t)
	if op == token.AND_NOT {
		return backend.Binary(p, backend.OpAnd, bt, x, backend.Unary(p, backend.OpBitNot, bt, y))
	}
	bop := map[token.Token]backend.Op{
		token.ADD: backend.OpAdd, token.SUB: backend.OpSub, token.MUL: backend.OpMul,
		token.QUO: backend.OpDiv, token.REM: backend.OpMod, token.AND: backend.OpAnd,
		token.OR: backend.OpOr, token.XOR: backend.OpXor, token.SHL: backend.OpShl, token.SHR: backend.OpShr,
	}[op]
	n := backend.Binary(p, bop, bt, x, y)
	if x.Type.Kind != bt.Kind && bt.IsInteger() {
		n.Lhs = backend.Unary(p, backend.OpCast, bt, x) // signedness comes from Lhs
	}
	return n
}

// compare builds x op y for operands of Go type t; strings, structs and
// arrays are compared by parts.
func (c *compiler) compare(p backend.Pos, op token.Token, t types.Type, x, y *backend.Node) *backend.Node {
	switch t.Underlying().(type) {
	case *types.Struct, *types.Array:
		return c.compareAggregate(p, op, t, x, y)
	}
	if isString(t) {
		return c.compareStrings(p, op, x, y)
	}
	bop := map[token.Token]backend.Op{
		token.EQL: backend.OpEq, token.NEQ: backend.OpNe, token.LSS: backend.OpLt,
		token.LEQ: backend.OpLe, token.GTR: backend.OpGt, token.GEQ: backend.OpGe,
	}[op]
	return backend.Binary(p, bop, backend.Int(backend.Bool), x, y)
}

func (c *compiler) unary(e *ast.UnaryExpr) *backend.Node {
	p := c.pos(e.Pos())
	t := c.irType(c.typeOf(e))
	switch e.Op {
	case token.SUB:
		return backend.Unary(p, backend.OpNeg, t, c.expr(e.X))
	case token.XOR:
		return backend.Unary(p, backend.OpBitNot, t, c.expr(e.X))
	case token.NOT:
		return backend.Unary(p, backend.OpNot, t, c.expr(e.X))
	case token.ADD:
		return c.expr(e.X)
	case token.AND:
		if _, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok {
			c.outside(e.Pos(), "&T{...} (heap allocation)")
		}
		return backend.Unary(p, backend.OpAddr, t, c.expr(e.X))
	}
	c.outside(e.Pos(), "operator "+e.Op.String())
	return c.expr(e.X)
}

// selector lowers x.f (with implicit dereferences and embedded fields).
func (c *compiler) selector(e *ast.SelectorExpr) *backend.Node {
	sel, ok := c.info.Selections[e]
	if !ok || sel.Kind() != types.FieldVal {
		c.outside(e.Sel.Pos(), "method values and this qualified name")
		return backend.Num(c.pos(e.Pos()), backend.Int(backend.Int32), 0)
	}
	x, _ := c.fieldPath(c.pos(e.Sel.Pos()), c.expr(e.X), c.typeOf(e.X), sel.Index())
	return x
}

// fieldPath follows a selection path through (pointers to) structs.
func (c *compiler) fieldPath(p backend.Pos, x *backend.Node, t types.Type, path []int) (*backend.Node, types.Type) {
	for _, i := range path {
		if ptr, ok := t.Underlying().(*types.Pointer); ok {
			t = ptr.Elem()
			x = backend.Unary(p, backend.OpDeref, c.irType(t), x)
		}
		st := t.Underlying().(*types.Struct)
		x = backend.FieldOf(p, x, c.irType(t).Fields[i])
		t = st.Field(i).Type()
	}
	return x, t
}

// index lowers a[i] for arrays, pointers to arrays and strings, with the
// bounds check Go requires unless go/types already proved the index.
func (c *compiler) index(e *ast.IndexExpr) *backend.Node {
	p := c.pos(e.Lbrack)
	i32 := backend.Int(backend.Int32)
	xt := c.typeOf(e.X).Underlying()
	x := c.expr(e.X)
	if ptr, ok := xt.(*types.Pointer); ok {
		xt = ptr.Elem().Underlying()
		x = backend.Unary(p, backend.OpDeref, c.irType(ptr.Elem()), x)
	}
	idx := c.expr(e.Index)
	constIdx := c.info.Types[e.Index].Value != nil
	switch u := xt.(type) {
	case *types.Array:
		if !constIdx {
			idx = c.boundsCheck(p, idx, backend.Num(p, i32, u.Len()))
		}
		return &backend.Node{Op: backend.OpIndex, Type: c.irType(u.Elem()), Pos: p, Lhs: x, Rhs: idx}
	case *types.Basic:
		st := c.stringType()
		str, pre := c.reuse(p, x)
		length := backend.FieldOf(p, str(), st.Fields[1])
		ptr := backend.FieldOf(p, str(), st.Fields[0])
		n := &backend.Node{Op: backend.OpIndex, Type: backend.Int(backend.Uint8), Pos: p, Lhs: ptr, Rhs: c.boundsCheck(p, idx, length)}
		if pre != nil {
			return commaThen(p, []*backend.Node{pre}, n)
		}
		return n
	}
	c.outside(e.Lbrack, "indexing this type")
	return x
}

func (c *compiler) boundsCheck(p backend.Pos, idx, length *backend.Node) *backend.Node {
	return &backend.Node{Op: backend.OpCheck, Type: backend.Int(backend.Int32), Pos: p, Lhs: idx, Rhs: length, Name: "kgo_panicindex"}
}

// reuse lets a value be used twice: variables are simply referenced again;
// anything else is stored in a temporary first (pre, to evaluate once).
func (c *compiler) reuse(p backend.Pos, x *backend.Node) (get func() *backend.Node, pre *backend.Node) {
	if x.Op == backend.OpVar {
		return func() *backend.Node { return x }, nil
	}
	tmp := c.temp(x.Type)
	return func() *backend.Node { return backend.Var(p, tmp) }, backend.Assign(p, backend.Var(p, tmp), x)
}

// composite builds a composite literal in a fresh frame temporary: zero it,
// then store each element (nested literals recursively).
func (c *compiler) composite(e *ast.CompositeLit) *backend.Node {
	p := c.pos(e.Pos())
	t := c.typeOf(e)
	bt := c.irType(t)
	tmp := c.temp(bt)
	v := func() *backend.Node { return backend.Var(p, tmp) }
	nodes := []*backend.Node{{Op: backend.OpZero, Type: backend.Int(backend.Void), Pos: p, Lhs: v()}}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i, el := range e.Elts {
			fi, val := i, el
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				fi, val = fieldIndex(u, kv.Key.(*ast.Ident).Name), kv.Value
			}
			nodes = append(nodes, backend.Assign(p, backend.FieldOf(p, v(), bt.Fields[fi]), c.element(val, u.Field(fi).Type())))
		}
	case *types.Array:
		idx := int64(0)
		for _, el := range e.Elts {
			val := el
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				idx, val = constVal(c.info.Types[kv.Key].Value), kv.Value
			}
			at := &backend.Node{Op: backend.OpIndex, Type: bt.Elem, Pos: p, Lhs: v(), Rhs: backend.Num(p, backend.Int(backend.Int32), idx)}
			nodes = append(nodes, backend.Assign(p, at, c.element(val, u.Elem())))
			idx++
		}
	default:
		c.outside(e.Pos(), "composite literal of type "+t.String())
	}
	return commaThen(p, nodes, v())
}

// element lowers an element of a composite literal. An elided literal
// for a pointer element ([2]*T{{...}}) is an implicit &T{...}: a heap
// allocation.
func (c *compiler) element(val ast.Expr, t types.Type) *backend.Node {
	if _, isLit := val.(*ast.CompositeLit); isLit {
		if _, isPtr := t.Underlying().(*types.Pointer); isPtr {
			c.outside(val.Pos(), "&T{...} (heap allocation)")
			return backend.Num(c.pos(val.Pos()), c.irType(t), 0)
		}
	}
	return c.exprTo(val, t)
}

// position converts back from a back-end position for error messages.
func (c *compiler) position(p backend.Pos) token.Position {
	return token.Position{Filename: p.File, Line: p.Line, Column: p.Col}
}
