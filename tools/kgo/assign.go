package kgo

import (
	"go/ast"
	"go/token"
	"go/types"

	"v6vm/tools/backend"
)

func (c *compiler) assign(s *ast.AssignStmt) []*backend.Node {
	p := c.pos(s.Pos())
	switch s.Tok {
	case token.ASSIGN, token.DEFINE:
		for i, r := range s.Rhs {
			if i < len(s.Lhs) && c.globalOf(s.Lhs[i]) != nil {
				c.checkEscape(r)
			}
		}
		return c.assignList(p, s.Lhs, s.Rhs, s.Tok == token.DEFINE)
	}
	op := map[token.Token]token.Token{
		token.ADD_ASSIGN: token.ADD, token.SUB_ASSIGN: token.SUB, token.MUL_ASSIGN: token.MUL,
		token.QUO_ASSIGN: token.QUO, token.REM_ASSIGN: token.REM, token.AND_ASSIGN: token.AND,
		token.OR_ASSIGN: token.OR, token.XOR_ASSIGN: token.XOR, token.SHL_ASSIGN: token.SHL,
		token.SHR_ASSIGN: token.SHR, token.AND_NOT_ASSIGN: token.AND_NOT,
	}[s.Tok]
	y := c.exprTo(s.Rhs[0], c.typeOf(s.Lhs[0]))
	if op == token.SHL || op == token.SHR {
		y = c.shiftCount(s.Rhs[0])
	}
	return []*backend.Node{c.opAssign(p, s.Lhs[0], op, y)}
}

// opAssign lowers x op= y; x's address is computed once.
func (c *compiler) opAssign(p backend.Pos, x ast.Expr, op token.Token, y *backend.Node) *backend.Node {
	t := c.typeOf(x)
	if _, ok := ast.Unparen(x).(*ast.Ident); ok {
		lv := c.expr(x)
		return backend.ExprStmt(backend.Assign(p, lv, c.arith(p, op, t, lv, y)))
	}
	bt := c.irType(t)
	ptr := c.temp(backend.PtrTo(bt))
	setPtr := backend.Assign(p, backend.Var(p, ptr), backend.Unary(p, backend.OpAddr, ptr.Type, c.expr(x)))
	lv := backend.Unary(p, backend.OpDeref, bt, backend.Var(p, ptr))
	return backend.ExprStmt(commaThen(p, []*backend.Node{setPtr}, backend.Assign(p, lv, c.arith(p, op, t, lv, y))))
}

// lvalue lowers an assignment target; for a new variable of := it creates
// the local. It returns nil for the blank identifier.
func (c *compiler) lvalue(e ast.Expr, define bool) *backend.Node {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if ok && id.Name == "_" {
		return nil
	}
	if ok && define {
		if v := c.info.Defs[id]; v != nil {
			return backend.Var(c.pos(id.Pos()), c.local(v, id.Pos()))
		}
	}
	return c.expr(e)
}

// assignList lowers lhs... = rhs... (or :=, or var with values). With one
// pair it is a plain assignment. Otherwise Go's two phases are kept: the
// addresses of non-variable targets and then all right-hand values are
// computed first, then stored left to right.
func (c *compiler) assignList(p backend.Pos, lhs, rhs []ast.Expr, define bool) []*backend.Node {
	if len(rhs) == 1 && len(lhs) > 1 {
		return c.assignTuple(p, lhs, rhs[0], define)
	}
	if len(lhs) == 1 {
		lv := c.lvalue(lhs[0], define)
		if lv == nil {
			return []*backend.Node{backend.ExprStmt(c.expr(rhs[0]))}
		}
		return []*backend.Node{backend.ExprStmt(backend.Assign(p, lv, c.exprTo(rhs[0], c.typeOf(lhs[0]))))}
	}
	var out, stores []*backend.Node
	targets := make([]*backend.Node, len(lhs))
	for i, l := range lhs {
		if _, isIdent := ast.Unparen(l).(*ast.Ident); isIdent {
			continue
		}
		bt := c.irType(c.typeOf(l))
		ptr := c.temp(backend.PtrTo(bt))
		out = append(out, backend.ExprStmt(backend.Assign(p, backend.Var(p, ptr), backend.Unary(p, backend.OpAddr, ptr.Type, c.expr(l)))))
		targets[i] = backend.Unary(p, backend.OpDeref, bt, backend.Var(p, ptr))
	}
	for i, r := range rhs {
		t := c.typeOf(lhs[i])
		if id, ok := lhs[i].(*ast.Ident); ok && id.Name == "_" {
			t = c.typeOf(r)
		}
		tmp := c.temp(c.irType(t))
		out = append(out, backend.ExprStmt(backend.Assign(p, backend.Var(p, tmp), c.exprTo(r, t))))
		lv := targets[i]
		if lv == nil {
			lv = c.lvalue(lhs[i], define)
		}
		if lv != nil {
			stores = append(stores, backend.ExprStmt(backend.Assign(p, lv, backend.Var(p, tmp))))
		}
	}
	return append(out, stores...)
}

// assignTuple lowers a, b = f() through a temporary holding f's results.
func (c *compiler) assignTuple(p backend.Pos, lhs []ast.Expr, call ast.Expr, define bool) []*backend.Node {
	tuple, ok := c.typeOf(call).(*types.Tuple)
	if !ok {
		c.outside(call.Pos(), "comma-ok forms")
		return nil
	}
	tt := c.irType(tuple)
	tmp := c.temp(tt)
	out := []*backend.Node{backend.ExprStmt(backend.Assign(p, backend.Var(p, tmp), c.expr(call)))}
	for i, l := range lhs {
		lv := c.lvalue(l, define)
		if lv == nil {
			continue
		}
		out = append(out, backend.ExprStmt(backend.Assign(p, lv, backend.FieldOf(p, backend.Var(p, tmp), tt.Fields[i]))))
	}
	return out
}

// rangeStmt lowers for-range over an integer, an array (by value: the array
// is copied first when the value is used, as Go's semantics require), a
// pointer to an array (no copy) and a string (runes, decoded as Go does),
// as a for loop over a hidden index.
func (c *compiler) rangeStmt(s *ast.RangeStmt) []*backend.Node {
	p := c.pos(s.Pos())
	i32 := backend.Int(backend.Int32)
	idx := c.temp(i32)
	hasVal := s.Value != nil && !isBlank(s.Value)
	src := c.rangeSource(p, s.X, idx, hasVal)
	if src == nil {
		return nil
	}
	t := &target{brk: c.newLabel("brk"), cont: c.newLabel("cont")}
	c.pushTarget(t)
	defer c.popTarget()
	body := src.prologue
	define := s.Tok == token.DEFINE
	if s.Key != nil && !isBlank(s.Key) {
		body = append(body, backend.ExprStmt(backend.Assign(p, c.lvalue(s.Key, define), backend.Var(p, idx))))
	}
	if hasVal {
		body = append(body, backend.ExprStmt(backend.Assign(p, c.lvalue(s.Value, define), src.elem())))
	}
	body = append(body, c.stmts(s.Body.List)...)
	init := []*backend.Node{backend.ExprStmt(backend.Assign(p, backend.Var(p, idx), backend.Num(p, i32, 0)))}
	for _, n := range src.init {
		init = append(init, backend.ExprStmt(n))
	}
	return []*backend.Node{{
		Op: backend.OpFor, Pos: p, Break: t.brk, Cont: t.cont,
		Init: backend.Block(p, init...),
		Cond: backend.Binary(p, backend.OpLt, backend.Int(backend.Bool), backend.Var(p, idx), src.limit),
		Then: backend.Block(p, body...),
		Inc:  backend.Assign(p, backend.Var(p, idx), backend.Binary(p, backend.OpAdd, i32, backend.Var(p, idx), src.step)),
	}}
}

// A rangeSource is what a range loop iterates over, around its index.
type rangeSource struct {
	init     []*backend.Node      // evaluate the range expression once
	limit    *backend.Node        // the index runs up to this
	step     *backend.Node        // and advances by this
	prologue []*backend.Node      // per iteration, before the key and value
	elem     func() *backend.Node // the value at the index
}

func (c *compiler) rangeSource(p backend.Pos, x ast.Expr, idx *backend.Obj, hasVal bool) *rangeSource {
	i32 := backend.Int(backend.Int32)
	src := &rangeSource{step: backend.Num(p, i32, 1)}
	index := func(arr *backend.Node, t types.Type) *backend.Node {
		return &backend.Node{Op: backend.OpIndex, Type: c.irType(t), Pos: p, Lhs: arr, Rhs: backend.Var(p, idx)}
	}
	// once stores x's value in a temporary at loop entry.
	once := func(t *backend.Type) *backend.Obj {
		tmp := c.temp(t)
		src.init = append(src.init, backend.Assign(p, backend.Var(p, tmp), c.expr(x)))
		return tmp
	}
	switch u := c.typeOf(x).Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsString != 0 {
			str := once(c.stringType())
			src.limit = backend.FieldOf(p, backend.Var(p, str), c.stringType().Fields[1])
			r, w := c.temp(i32), c.temp(i32)
			src.prologue = c.decodeRune(p, str, idx, r, w)
			src.step = backend.Var(p, w)
			src.elem = func() *backend.Node { return backend.Var(p, r) }
			return src
		}
		src.limit = backend.Var(p, once(c.irType(u)))
	case *types.Array:
		src.limit = backend.Num(p, i32, u.Len())
		arr := c.arrayForRange(p, x, hasVal, &src.init)
		src.elem = func() *backend.Node { return index(arr(), u.Elem()) }
	case *types.Pointer:
		at := u.Elem().Underlying().(*types.Array)
		src.limit = backend.Num(p, i32, at.Len())
		ptr := once(c.irType(u))
		src.elem = func() *backend.Node {
			return index(backend.Unary(p, backend.OpDeref, c.irType(at), backend.Var(p, ptr)), at.Elem())
		}
	default:
		c.outside(x.Pos(), "range over this type")
		return nil
	}
	return src
}

// decodeRune sets r and w to the rune at str[idx] and its width in bytes:
// ASCII inline, anything else through the kgohelp UTF-8 decoder, which, as
// Go does, gives U+FFFD and width 1 for invalid encodings.
func (c *compiler) decodeRune(p backend.Pos, str, idx, r, w *backend.Obj) []*backend.Node {
	i32 := backend.Int(backend.Int32)
	st := c.stringType()
	ptr := backend.FieldOf(p, backend.Var(p, str), st.Fields[0])
	b := &backend.Node{Op: backend.OpIndex, Type: backend.Int(backend.Uint8), Pos: p, Lhs: ptr, Rhs: backend.Var(p, idx)}
	pair := backend.StructOf([]*backend.Field{{Name: "r", Type: i32}, {Name: "w", Type: i32}})
	tmp := c.temp(pair)
	call := backend.Call(p, pair, backend.Var(p, c.helper("decoderune")), []*backend.Node{backend.Var(p, str), backend.Var(p, idx)})
	slow := backend.Block(p,
		backend.ExprStmt(backend.Assign(p, backend.Var(p, tmp), call)),
		backend.ExprStmt(backend.Assign(p, backend.Var(p, r), backend.FieldOf(p, backend.Var(p, tmp), pair.Fields[0]))),
		backend.ExprStmt(backend.Assign(p, backend.Var(p, w), backend.FieldOf(p, backend.Var(p, tmp), pair.Fields[1]))))
	return []*backend.Node{
		backend.ExprStmt(backend.Assign(p, backend.Var(p, r), backend.Unary(p, backend.OpCast, i32, b))),
		backend.ExprStmt(backend.Assign(p, backend.Var(p, w), backend.Num(p, i32, 1))),
		{Op: backend.OpIf, Pos: p, Cond: backend.Binary(p, backend.OpGe, backend.Int(backend.Bool), backend.Var(p, r), backend.Num(p, i32, 0x80)), Then: slow},
	}
}

// arrayForRange returns a function giving the array a range loop reads:
// a copy when the element value is used. Otherwise only the length (the
// type's) matters, and Go evaluates the expression only if it has calls.
func (c *compiler) arrayForRange(p backend.Pos, x ast.Expr, copyIt bool, init *[]*backend.Node) func() *backend.Node {
	if !copyIt {
		if hasCall(x) {
			*init = append(*init, c.expr(x))
		}
		return func() *backend.Node { return nil }
	}
	tmp := c.temp(c.irType(c.typeOf(x)))
	*init = append(*init, backend.Assign(p, backend.Var(p, tmp), c.expr(x)))
	return func() *backend.Node { return backend.Var(p, tmp) }
}

func hasCall(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		_, isCall := n.(*ast.CallExpr)
		found = found || isCall
		return !found
	})
	return found
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}
