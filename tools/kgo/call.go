package kgo

import (
	"go/ast"
	"go/token"
	"go/types"

	"v6vm/tools/backend"
)

// call lowers a call expression: a conversion, a builtin, an intrinsic, a
// method call or a direct call of a package function.
func (c *compiler) call(e *ast.CallExpr) *backend.Node {
	p := c.pos(e.Lparen)
	fun := ast.Unparen(e.Fun)
	if c.info.Types[fun].IsType() {
		return c.conversion(e)
	}
	switch f := fun.(type) {
	case *ast.Ident:
		switch obj := c.info.Uses[f].(type) {
		case *types.Builtin:
			return c.builtin(e, obj.Name())
		case *types.Func:
			if x, ok := c.leaves[obj]; ok {
				return c.expr(x)
			}
			return c.directCall(p, obj, nil, e.Args)
		}
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[f]; ok && sel.Kind() == types.MethodVal {
			return c.methodCall(p, f, sel, e.Args)
		}
		if id, ok := f.X.(*ast.Ident); ok {
			if pn, ok := c.info.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == HWPath {
				return c.intrinsic(e, f.Sel)
			}
			if _, ok := c.info.Uses[f.Sel].(*types.Builtin); ok && f.Sel.Name == "Add" {
				return c.unsafeAdd(e) // unsafe.Add
			}
			if b, ok := c.info.Uses[f.Sel].(*types.Builtin); ok {
				c.outside(f.Sel.Pos(), "unsafe."+b.Name())
				return backend.Num(p, backend.Int(backend.Int32), 0)
			}
		}
	}
	sig, ok := c.typeOf(fun).Underlying().(*types.Signature)
	if !ok {
		c.outside(e.Fun.Pos(), "this call")
		return backend.Num(p, backend.Int(backend.Int32), 0)
	}
	// A call through a function value. Go evaluates the function before
	// the arguments; the back end calls through the pointer last, so a
	// function expression with calls of its own is evaluated first into a
	// temporary.
	fn := c.expr(fun)
	if !hasCall(fun) {
		return backend.Call(p, c.resultType(sig), fn, c.args(p, sig, e.Args))
	}
	tmp := c.temp(fn.Type)
	set := backend.Assign(p, backend.Var(p, tmp), fn)
	return commaThen(p, []*backend.Node{set}, backend.Call(p, c.resultType(sig), backend.Var(p, tmp), c.args(p, sig, e.Args)))
}

// directCall calls a package function (or method, with recv lowered).
func (c *compiler) directCall(p backend.Pos, f *types.Func, recv *backend.Node, args []ast.Expr) *backend.Node {
	sig := f.Type().(*types.Signature)
	var list []*backend.Node
	if recv != nil {
		list = append(list, recv)
	}
	list = append(list, c.args(p, sig, args)...)
	obj := c.objs[f]
	return backend.Call(p, c.resultType(sig), backend.Var(p, obj), list)
}

// args lowers call arguments converted to the parameter types; f(g()) with
// a multi-value g spreads g's results from a temporary.
func (c *compiler) args(p backend.Pos, sig *types.Signature, args []ast.Expr) []*backend.Node {
	params := sig.Params()
	if len(args) == 1 && params.Len() > 1 {
		tt := c.irType(c.typeOf(args[0]))
		tmp := c.temp(tt)
		out := make([]*backend.Node, params.Len())
		for i := range out {
			out[i] = backend.FieldOf(p, backend.Var(p, tmp), tt.Fields[i])
		}
		out[0] = commaThen(p, []*backend.Node{backend.Assign(p, backend.Var(p, tmp), c.expr(args[0]))}, out[0])
		return out
	}
	out := make([]*backend.Node, len(args))
	for i, a := range args {
		out[i] = c.exprTo(a, params.At(i).Type())
	}
	return out
}

// methodCall passes the receiver as the first argument, taking its address
// for pointer receivers and dereferencing for value receivers as Go does,
// after walking any embedded fields the method was promoted through.
func (c *compiler) methodCall(p backend.Pos, f *ast.SelectorExpr, sel *types.Selection, args []ast.Expr) *backend.Node {
	m := sel.Obj().(*types.Func)
	path := sel.Index()
	x, t := c.fieldPath(p, c.expr(f.X), c.typeOf(f.X), path[:len(path)-1])
	_, wantPtr := m.Type().(*types.Signature).Recv().Type().(*types.Pointer)
	_, isPtr := t.Underlying().(*types.Pointer)
	switch {
	case wantPtr && !isPtr:
		x = backend.Unary(p, backend.OpAddr, backend.PtrTo(x.Type), x)
	case !wantPtr && isPtr:
		x = backend.Unary(p, backend.OpDeref, c.irType(t.Underlying().(*types.Pointer).Elem()), x)
	}
	if c.objs[m] == nil {
		c.outside(f.Sel.Pos(), "methods of other packages")
		return x
	}
	return c.directCall(p, m, x, args)
}

// conversion lowers T(x) between integer types, pointers, uintptr and
// unsafe.Pointer, and between types with the same underlying type.
func (c *compiler) conversion(e *ast.CallExpr) *backend.Node {
	p := c.pos(e.Lparen)
	to := c.typeOf(e.Fun)
	x := c.expr(e.Args[0])
	if isString(to) && !isString(c.typeOf(e.Args[0])) {
		c.outside(e.Fun.Pos(), "conversion to string at run time (heap allocation)")
		return x
	}
	bt := c.irType(to)
	if bt.IsAggregate() {
		return x // same layout: nothing to do
	}
	return backend.Unary(p, backend.OpCast, bt, x)
}

// unsafeAdd lowers unsafe.Add(p, n): byte arithmetic on a pointer.
func (c *compiler) unsafeAdd(e *ast.CallExpr) *backend.Node {
	p := c.pos(e.Lparen)
	pt := c.irType(c.typeOf(e))
	sum := backend.Binary(p, backend.OpAdd, backend.Int(backend.Uint32),
		backend.Unary(p, backend.OpCast, backend.Int(backend.Uint32), c.expr(e.Args[0])), c.expr(e.Args[1]))
	return backend.Unary(p, backend.OpCast, pt, sum)
}

// rtFunc is an external routine of the runtime (or the kernel) by name.
func rtFunc(name string, result *backend.Type, params ...*backend.Type) *backend.Obj {
	return &backend.Obj{Name: name, Func: true, Extern: true, Type: backend.FuncOf(result, params, false)}
}

func (c *compiler) rtCall(p backend.Pos, name string, args ...*backend.Node) *backend.Node {
	var pt []*backend.Type
	for _, a := range args {
		pt = append(pt, a.Type)
	}
	void := backend.Int(backend.Void)
	return backend.Call(p, void, backend.Var(p, rtFunc(name, void, pt...)), args)
}

func (c *compiler) builtin(e *ast.CallExpr, name string) *backend.Node {
	p := c.pos(e.Lparen)
	void := backend.Int(backend.Void)
	switch name {
	case "len":
		at := c.typeOf(e.Args[0])
		if isString(at) {
			return backend.FieldOf(p, c.expr(e.Args[0]), c.stringType().Fields[1])
		}
		if ptr, ok := at.Underlying().(*types.Pointer); ok {
			at = ptr.Elem()
		}
		if arr, ok := at.Underlying().(*types.Array); ok {
			// Not a constant only because the operand has calls: Go
			// evaluates them, and the length is still the type's.
			n := backend.Num(p, backend.Int(backend.Int32), arr.Len())
			return commaThen(p, []*backend.Node{c.expr(e.Args[0])}, n)
		}
	case "print", "println":
		var calls []*backend.Node
		for i, a := range c.printArgs(p, e.Args, &calls) {
			if i > 0 && name == "println" {
				calls = append(calls, c.rtCall(p, "kgo_printsp"))
			}
			calls = append(calls, c.printArg(p, a))
		}
		if name == "println" {
			calls = append(calls, c.rtCall(p, "kgo_printnl"))
		}
		if len(calls) == 0 {
			return backend.Num(p, backend.Int(backend.Int32), 0)
		}
		return commaThen(p, calls[:len(calls)-1], calls[len(calls)-1])
	case "panic":
		a := e.Args[0]
		if tv := c.info.Types[a]; isString(tv.Type) {
			return c.rtCall(p, "kgo_panicstring", c.exprTo(a, types.Typ[types.String]))
		} else if b, ok := tv.Type.Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
			return c.rtCall(p, "kgo_panicint", c.castTo(p, c.exprTo(a, types.Typ[types.Int]), backend.Int32))
		}
		c.outside(a.Pos(), "panic with a value other than a string or an integer")
		return backend.Num(p, void, 0)
	}
	c.outside(e.Fun.Pos(), "builtin "+name)
	return backend.Num(p, backend.Int(backend.Int32), 0)
}

func (c *compiler) castTo(p backend.Pos, x *backend.Node, k backend.Kind) *backend.Node {
	return backend.Unary(p, backend.OpCast, backend.Int(k), x)
}

// printArgs returns the values to print; println(f()) with a multi-value f
// stores f's results in a temporary (adding that to pre) and prints its
// fields, which printValue knows how to print.
func (c *compiler) printArgs(p backend.Pos, args []ast.Expr, pre *[]*backend.Node) []printValue {
	out := make([]printValue, len(args))
	for i, a := range args {
		out[i] = printValue{expr: a}
	}
	if len(args) != 1 {
		return out
	}
	tuple, ok := c.typeOf(args[0]).(*types.Tuple)
	if !ok {
		return out
	}
	tt := c.irType(tuple)
	tmp := c.temp(tt)
	*pre = append(*pre, backend.Assign(p, backend.Var(p, tmp), c.expr(args[0])))
	out = make([]printValue, tuple.Len())
	for i := range out {
		out[i] = printValue{node: backend.FieldOf(p, backend.Var(p, tmp), tt.Fields[i]), typ: tuple.At(i).Type()}
	}
	return out
}

// A printValue is a print argument: an expression, or an already lowered
// node with its Go type.
type printValue struct {
	expr ast.Expr
	node *backend.Node
	typ  types.Type
}

// printArg prints one print/println argument with the routine for its type.
func (c *compiler) printArg(p backend.Pos, v printValue) *backend.Node {
	t, at := v.typ, v.expr
	if at != nil {
		t = c.typeOf(at)
		if tv := c.info.Types[at]; tv.Value != nil {
			t = types.Default(t)
		}
	}
	val := func() *backend.Node {
		if at == nil {
			return v.node
		}
		return c.exprTo(at, t)
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsString != 0:
			return c.rtCall(p, "kgo_printstring", val())
		case u.Info()&types.IsBoolean != 0:
			return c.rtCall(p, "kgo_printbool", c.castTo(p, val(), backend.Int32))
		case u.Kind() == types.UnsafePointer:
			return c.rtCall(p, "kgo_printpointer", c.castTo(p, val(), backend.Uint32))
		case u.Info()&types.IsUnsigned != 0:
			return c.rtCall(p, "kgo_printuint", c.castTo(p, val(), backend.Uint32))
		case u.Info()&types.IsInteger != 0:
			return c.rtCall(p, "kgo_printint", c.castTo(p, val(), backend.Int32))
		}
	case *types.Pointer:
		return c.rtCall(p, "kgo_printpointer", c.castTo(p, val(), backend.Uint32))
	}
	pos := e0(at)
	c.outside(pos, "printing a value of type "+t.String())
	return backend.Num(p, backend.Int(backend.Int32), 0)
}

// e0 is the position of e, or none.
func e0(e ast.Expr) token.Pos {
	if e == nil {
		return token.NoPos
	}
	return e.Pos()
}
