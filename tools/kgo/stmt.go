package kgo

import (
	"go/ast"
	"go/token"
	"go/types"

	"v6vm/tools/backend"
)

func (c *compiler) stmts(list []ast.Stmt) []*backend.Node {
	var out []*backend.Node
	for _, s := range list {
		out = append(out, c.stmt(s)...)
	}
	return out
}

// stmt lowers one statement to zero or more IR statements.
func (c *compiler) stmt(s ast.Stmt) []*backend.Node {
	p := c.pos(s.Pos())
	switch s := s.(type) {
	case *ast.BlockStmt:
		return []*backend.Node{backend.Block(p, c.stmts(s.List)...)}
	case *ast.ExprStmt:
		return []*backend.Node{backend.ExprStmt(c.expr(s.X))}
	case *ast.EmptyStmt:
		return nil
	case *ast.AssignStmt:
		return c.assign(s)
	case *ast.IncDecStmt:
		op := token.ADD
		if s.Tok == token.DEC {
			op = token.SUB
		}
		one := backend.Num(p, c.irType(c.typeOf(s.X)), 1)
		return []*backend.Node{c.opAssign(p, s.X, op, one)}
	case *ast.DeclStmt:
		return c.declStmt(s)
	case *ast.IfStmt:
		return c.ifStmt(s)
	case *ast.ForStmt:
		return c.forStmt(s)
	case *ast.RangeStmt:
		return c.rangeStmt(s)
	case *ast.SwitchStmt:
		return c.switchStmt(s)
	case *ast.BranchStmt:
		return c.branch(s)
	case *ast.LabeledStmt:
		c.fn.label = s.Label.Name
		out := []*backend.Node{backend.Label(p, "u_"+s.Label.Name)}
		out = append(out, c.stmt(s.Stmt)...)
		c.fn.label = ""
		return out
	case *ast.ReturnStmt:
		return []*backend.Node{c.returnStmt(s)}
	}
	c.outside(s.Pos(), "this statement")
	return nil
}

func (c *compiler) typeOf(e ast.Expr) types.Type { return c.info.TypeOf(e) }

func (c *compiler) declStmt(s *ast.DeclStmt) []*backend.Node {
	g := s.Decl.(*ast.GenDecl)
	if g.Tok != token.VAR {
		return nil // constants and types are resolved by go/types
	}
	var out []*backend.Node
	for _, spec := range g.Specs {
		vs := spec.(*ast.ValueSpec)
		lhs := make([]ast.Expr, len(vs.Names))
		for i, id := range vs.Names {
			lhs[i] = id
		}
		if len(vs.Values) == 0 {
			for _, id := range vs.Names {
				if v := c.info.Defs[id]; v != nil && id.Name != "_" {
					out = append(out, zero(c.pos(id.Pos()), c.local(v, id.Pos())))
				}
			}
			continue
		}
		out = append(out, c.assignList(c.pos(vs.Pos()), lhs, vs.Values, true)...)
	}
	return out
}

func (c *compiler) ifStmt(s *ast.IfStmt) []*backend.Node {
	var out []*backend.Node
	if s.Init != nil {
		out = c.stmt(s.Init)
	}
	n := &backend.Node{Op: backend.OpIf, Pos: c.pos(s.Pos()), Cond: c.expr(s.Cond), Then: c.stmt(s.Body)[0]}
	if s.Else != nil {
		n.Else = backend.Block(c.pos(s.Else.Pos()), c.stmt(s.Else)...)
	}
	return append(out, n)
}

// pushTarget opens a loop or switch for break/continue, also under the Go
// label that introduced it.
func (c *compiler) pushTarget(t *target) {
	c.fn.targets = append(c.fn.targets, t)
	if c.fn.label != "" {
		c.fn.labeled[c.fn.label] = t
		c.fn.label = ""
	}
}

func (c *compiler) popTarget() { c.fn.targets = c.fn.targets[:len(c.fn.targets)-1] }

// forStmt lowers a for loop. The post statement is placed after the
// continue label inside the body, since it may be any simple statement.
func (c *compiler) forStmt(s *ast.ForStmt) []*backend.Node {
	p := c.pos(s.Pos())
	t := &target{brk: c.newLabel("brk"), cont: c.newLabel("cont")}
	c.pushTarget(t)
	defer c.popTarget()
	n := &backend.Node{Op: backend.OpFor, Pos: p, Break: t.brk}
	if s.Init != nil {
		n.Init = backend.Block(p, c.stmt(s.Init)...)
	}
	if s.Cond != nil {
		n.Cond = c.expr(s.Cond)
	}
	body := append(c.stmts(s.Body.List), backend.Label(p, t.cont))
	if s.Post != nil {
		body = append(body, c.stmt(s.Post)...)
	}
	n.Then = backend.Block(p, body...)
	return []*backend.Node{n}
}

func (c *compiler) branch(s *ast.BranchStmt) []*backend.Node {
	p := c.pos(s.Pos())
	var t *target
	if s.Label != nil {
		t = c.fn.labeled[s.Label.Name]
	}
	switch s.Tok {
	case token.GOTO:
		return []*backend.Node{backend.Goto(p, "u_"+s.Label.Name)}
	case token.FALLTHROUGH:
		return nil // handled by switchStmt
	case token.BREAK:
		if t == nil {
			t = c.fn.targets[len(c.fn.targets)-1]
		}
		return []*backend.Node{backend.Goto(p, t.brk)}
	}
	if t == nil {
		for i := len(c.fn.targets) - 1; i >= 0; i-- {
			if c.fn.targets[i].cont != "" {
				t = c.fn.targets[i]
				break
			}
		}
	}
	return []*backend.Node{backend.Goto(p, t.cont)}
}

// switchStmt lowers a switch to a chain of tests in case order (Go's
// evaluation order) jumping to the clause bodies, which follow in source
// order so that fallthrough is simply not jumping away.
func (c *compiler) switchStmt(s *ast.SwitchStmt) []*backend.Node {
	p := c.pos(s.Pos())
	var out []*backend.Node
	if s.Init != nil {
		out = c.stmt(s.Init)
	}
	t := &target{brk: c.newLabel("brk")}
	c.pushTarget(t)
	defer c.popTarget()
	var tag *backend.Node
	var tagType types.Type
	if s.Tag != nil {
		tagType = c.typeOf(s.Tag)
		tmp := c.temp(c.irType(tagType))
		out = append(out, backend.ExprStmt(backend.Assign(p, backend.Var(p, tmp), c.expr(s.Tag))))
		tag = backend.Var(p, tmp)
	}
	clauses := s.Body.List
	labels := make([]string, len(clauses))
	dflt := t.brk
	for i, cl := range clauses {
		cc := cl.(*ast.CaseClause)
		labels[i] = c.newLabel("case")
		if cc.List == nil {
			dflt = labels[i]
		}
		for _, e := range cc.List {
			cond := c.expr(e)
			if tag != nil {
				cond = c.compare(c.pos(e.Pos()), token.EQL, tagType, tag, c.exprTo(e, tagType))
			}
			out = append(out, &backend.Node{Op: backend.OpIf, Pos: c.pos(e.Pos()), Cond: cond, Then: backend.Goto(p, labels[i])})
		}
	}
	out = append(out, backend.Goto(p, dflt))
	for i, cl := range clauses {
		cc := cl.(*ast.CaseClause)
		out = append(out, backend.Label(c.pos(cc.Pos()), labels[i]))
		out = append(out, c.stmts(cc.Body)...)
		if !endsInFallthrough(cc.Body) {
			out = append(out, backend.Goto(c.pos(cc.End()), t.brk))
		}
	}
	return append(out, backend.Label(p, t.brk))
}

func endsInFallthrough(body []ast.Stmt) bool {
	if len(body) == 0 {
		return false
	}
	b, ok := body[len(body)-1].(*ast.BranchStmt)
	return ok && b.Tok == token.FALLTHROUGH
}

func (c *compiler) returnStmt(s *ast.ReturnStmt) *backend.Node {
	p := c.pos(s.Pos())
	res := c.fn.sig.Results()
	for _, r := range s.Results {
		c.checkEscape(r)
	}
	switch {
	case res.Len() == 0:
		return backend.Return(p, nil)
	case len(s.Results) == 0 && res.Len() == 1:
		return backend.Return(p, backend.Var(p, c.fn.results[0]))
	case res.Len() == 1:
		return backend.Return(p, c.exprTo(s.Results[0], res.At(0).Type()))
	case len(s.Results) == 1:
		return backend.Return(p, c.expr(s.Results[0])) // forwarding a call's results
	}
	tt := c.irType(res)
	tmp := c.temp(tt)
	var set []*backend.Node
	for i, f := range tt.Fields {
		var v *backend.Node
		if len(s.Results) == 0 {
			v = backend.Var(p, c.fn.results[i])
		} else {
			v = c.exprTo(s.Results[i], res.At(i).Type())
		}
		set = append(set, backend.Assign(p, backend.FieldOf(p, backend.Var(p, tmp), f), v))
	}
	return backend.Return(p, commaThen(p, set, backend.Var(p, tmp)))
}

// checkEscape rejects the simple ways of letting a local's address outlive
// its frame: there is no heap to move the local to.
func (c *compiler) checkEscape(e ast.Expr) {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return
	}
	if id := c.rootLocal(u.X); id != nil {
		c.outside(u.Pos(), "address of local "+id.Name+" escaping its frame (heap escape)")
	}
}

// rootLocal returns the local variable whose storage e is part of (x,
// x.f, x[i] with x a struct or array value), or nil.
func (c *compiler) rootLocal(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			if v, ok := c.info.Uses[x].(*types.Var); ok && v.Parent() != c.pkg.Scope() {
				return x
			}
			return nil
		case *ast.SelectorExpr:
			if sel, ok := c.info.Selections[x]; !ok || sel.Indirect() {
				return nil // through a pointer: not the local's own storage
			}
			e = x.X
		case *ast.IndexExpr:
			if _, isArr := c.typeOf(x.X).Underlying().(*types.Array); !isArr {
				return nil
			}
			e = x.X
		default:
			return nil
		}
	}
}

// commaThen evaluates the nodes in order and then last, as one expression.
func commaThen(p backend.Pos, nodes []*backend.Node, last *backend.Node) *backend.Node {
	for i := len(nodes) - 1; i >= 0; i-- {
		last = &backend.Node{Op: backend.OpComma, Type: last.Type, Pos: p, Lhs: nodes[i], Rhs: last}
	}
	return last
}
