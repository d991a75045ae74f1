package kgo

import (
	"encoding/binary"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"v6vm/tools/backend"
)

// isRegister reports whether name could be mistaken by the assembler for a
// register or size keyword; a Go symbol with such a name is refused.
func isRegister(name string) bool {
	switch name {
	case "eax", "ebx", "ecx", "edx", "esi", "edi", "esp", "ebp",
		"ax", "bx", "cx", "dx", "si", "di", "sp", "bp",
		"al", "bl", "cl", "dl", "spl", "bpl", "sil", "dil",
		"cr0", "cr2", "cr3", "idtr", "esp0", "byte", "word", "dword", "ptr":
		return true
	}
	return false
}

// lower turns the checked package into a back-end program: every function
// and package variable first gets its Obj (so bodies can refer to any of
// them), then static data is laid out, then bodies are lowered.
func (c *compiler) lower() *backend.Program {
	c.prog = &backend.Program{}
	c.types = map[types.Type]*backend.Type{}
	c.objs = map[types.Object]*backend.Obj{}
	c.strs = map[string]*backend.Obj{}
	var funcs []*ast.FuncDecl
	var vars []*ast.ValueSpec
	for _, f := range c.files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				c.declareFunc(d)
				funcs = append(funcs, d)
			case *ast.GenDecl:
				if d.Tok == token.VAR {
					for _, s := range d.Specs {
						vars = append(vars, s.(*ast.ValueSpec))
						c.declareVars(s.(*ast.ValueSpec))
					}
				}
			}
		}
	}
	for _, v := range vars {
		c.initVars(v)
	}
	for _, d := range funcs {
		c.lowerFunc(d)
	}
	return c.prog
}

// symbol is the assembly name of a package-level function or variable.
func (c *compiler) symbol(obj types.Object, pos token.Pos) string {
	name := obj.Name()
	if f, ok := obj.(*types.Func); ok {
		if recv := f.Type().(*types.Signature).Recv(); recv != nil {
			t := recv.Type()
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if n, ok := types.Unalias(t).(*types.Named); ok {
				name = n.Obj().Name() + "_" + name
			}
		}
	}
	if isRegister(name) {
		c.errorf(pos, "%s: the name collides with an assembler register or keyword", name)
	}
	return name
}

func (c *compiler) declareFunc(d *ast.FuncDecl) {
	f := c.info.Defs[d.Name].(*types.Func)
	obj := &backend.Obj{
		Name: c.symbol(f, d.Name.Pos()),
		Type: c.funcType(f.Type().(*types.Signature)),
		Pos:  c.pos(d.Pos()),
		Func: true,
	}
	c.objs[f] = obj
	c.prog.Objs = append(c.prog.Objs, obj)
	if x := c.leafResult(d, f); x != nil {
		if c.leaves == nil {
			c.leaves = map[*types.Func]ast.Expr{}
		}
		c.leaves[f] = x
	}
}

// leafResult returns X if d is `func F() T { return X }` and X calls
// nothing (conversions aside): each call of F is then compiled as X where
// it stands. The kernel has such accessors on hot paths (GetUser, called
// dozens of times per system call); the call and frame cost more than X.
func (c *compiler) leafResult(d *ast.FuncDecl, f *types.Func) ast.Expr {
	sig := f.Type().(*types.Signature)
	if d.Body == nil || sig.Recv() != nil || sig.Params().Len() != 0 || sig.Results().Len() != 1 || len(d.Body.List) != 1 {
		return nil
	}
	ret, ok := d.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 || !types.Identical(c.info.TypeOf(ret.Results[0]), sig.Results().At(0).Type()) {
		return nil
	}
	pure := true
	ast.Inspect(ret.Results[0], func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if !c.info.Types[n.Fun].IsType() {
				pure = false
			}
		case *ast.FuncLit:
			pure = false
		}
		return pure
	})
	if !pure {
		return nil
	}
	return ret.Results[0]
}

func (c *compiler) declareVars(s *ast.ValueSpec) {
	for _, id := range s.Names {
		v, ok := c.info.Defs[id].(*types.Var)
		if !ok || id.Name == "_" {
			continue
		}
		obj := &backend.Obj{Name: c.symbol(v, id.Pos()), Type: c.irType(v.Type()), Pos: c.pos(id.Pos())}
		c.objs[v] = obj
		c.prog.Objs = append(c.prog.Objs, obj)
	}
}

// initVars lays out the initial values of package variables as bytes and
// relocations; only constant and composite-literal initialisers are allowed
// because there is no init code to run them.
func (c *compiler) initVars(s *ast.ValueSpec) {
	if len(s.Values) == 0 {
		return
	}
	if len(s.Values) != len(s.Names) {
		c.outside(s.Values[0].Pos(), "package variables initialised by a multi-value call")
		return
	}
	for i, id := range s.Names {
		v, ok := c.info.Defs[id].(*types.Var)
		if !ok || id.Name == "_" {
			continue
		}
		obj := c.objs[v]
		obj.Init = make([]byte, obj.Type.Size)
		c.staticInit(obj, 0, v.Type(), s.Values[i])
	}
}

// staticInit stores the value of e (of type t) at offset off of obj's data.
func (c *compiler) staticInit(obj *backend.Obj, off int, t types.Type, e ast.Expr) {
	e = ast.Unparen(e)
	tv := c.info.Types[e]
	if tv.Value != nil {
		c.staticConst(obj, off, t, tv.Value)
		return
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		c.staticComposite(obj, off, t, e)
		return
	case *ast.Ident:
		if tv.IsNil() {
			return
		}
		if f, ok := c.info.Uses[e].(*types.Func); ok && c.objs[f] != nil {
			obj.Relocs = append(obj.Relocs, backend.Reloc{Offset: off, Label: c.objs[f].Name})
			return
		}
	case *ast.UnaryExpr:
		if label, addend, ok := c.staticAddr(e.X); e.Op == token.AND && ok {
			obj.Relocs = append(obj.Relocs, backend.Reloc{Offset: off, Label: label, Addend: addend})
			return
		}
	case *ast.CallExpr:
		if c.info.Types[e.Fun].IsType() && len(e.Args) == 1 {
			c.staticInit(obj, off, t, e.Args[0]) // a conversion of a static value
			return
		}
	}
	c.errorf(e.Pos(), "initialiser of package variable %s must be constant, a composite literal or &variable (there is no init code)", obj.Name)
}

// staticAddr resolves the address of a part of a package variable known at
// link time: v, v.f (not through a pointer) and v[i] with a constant i.
func (c *compiler) staticAddr(e ast.Expr) (label string, addend int64, ok bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if g := c.globalOf(x); g != nil {
			return g.Name, 0, true
		}
	case *ast.SelectorExpr:
		sel, found := c.info.Selections[x]
		if !found || sel.Kind() != types.FieldVal || sel.Indirect() {
			return "", 0, false
		}
		label, addend, ok = c.staticAddr(x.X)
		t := c.typeOf(x.X)
		for _, i := range sel.Index() {
			addend += int64(c.irType(t).Fields[i].Offset)
			t = t.Underlying().(*types.Struct).Field(i).Type()
		}
		return label, addend, ok
	case *ast.IndexExpr:
		arr, isArr := c.typeOf(x.X).Underlying().(*types.Array)
		idx := c.info.Types[x.Index].Value
		if !isArr || idx == nil {
			return "", 0, false
		}
		label, addend, ok = c.staticAddr(x.X)
		return label, addend + constVal(idx)*int64(c.irType(arr.Elem()).Size), ok
	}
	return "", 0, false
}

// globalOf returns the Obj of a package variable named by e, or nil.
func (c *compiler) globalOf(e ast.Expr) *backend.Obj {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Parent() != c.pkg.Scope() {
		return nil
	}
	return c.objs[v]
}

func (c *compiler) staticConst(obj *backend.Obj, off int, t types.Type, v constant.Value) {
	if v.Kind() == constant.String {
		s := constant.StringVal(v)
		if s != "" {
			obj.Relocs = append(obj.Relocs, backend.Reloc{Offset: off, Label: c.stringData(s).Name})
		}
		binary.LittleEndian.PutUint32(obj.Init[off+4:], uint32(len(s)))
		return
	}
	n := constVal(v)
	switch c.irType(t).Size {
	case 1:
		obj.Init[off] = byte(n)
	case 2:
		binary.LittleEndian.PutUint16(obj.Init[off:], uint16(n))
	default:
		binary.LittleEndian.PutUint32(obj.Init[off:], uint32(n))
	}
}

func (c *compiler) staticComposite(obj *backend.Obj, off int, t types.Type, lit *ast.CompositeLit) {
	t = c.info.Types[lit].Type
	switch u := t.Underlying().(type) {
	case *types.Struct:
		st := c.irType(t)
		for i, el := range lit.Elts {
			fi, val := i, el
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				fi, val = fieldIndex(u, kv.Key.(*ast.Ident).Name), kv.Value
			}
			c.staticInit(obj, off+st.Fields[fi].Offset, u.Field(fi).Type(), val)
		}
	case *types.Array:
		size := int(c.irType(u.Elem()).Size)
		idx := 0
		for _, el := range lit.Elts {
			val := el
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				idx, val = int(constVal(c.info.Types[kv.Key].Value)), kv.Value
			}
			c.staticInit(obj, off+idx*size, u.Elem(), val)
			idx++
		}
	default:
		c.outside(lit.Pos(), fmt.Sprintf("composite literal of type %s", t))
	}
}

func fieldIndex(s *types.Struct, name string) int {
	for i := range s.NumFields() {
		if s.Field(i).Name() == name {
			return i
		}
	}
	return 0
}

// constVal returns an integer or boolean constant as int64 (unsigned values
// keep their bits).
func constVal(v constant.Value) int64 {
	switch v.Kind() {
	case constant.Bool:
		if constant.BoolVal(v) {
			return 1
		}
		return 0
	case constant.Int:
		if n, ok := constant.Int64Val(v); ok {
			return n
		}
		n, _ := constant.Uint64Val(v)
		return int64(n)
	}
	return 0
}

// stringData returns the read-only bytes of a string literal, shared by all
// uses of the same text. The symbol is package-qualified so that separately
// compiled packages (the program and the runtime) do not collide.
func (c *compiler) stringData(s string) *backend.Obj {
	if o, ok := c.strs[s]; ok {
		return o
	}
	o := &backend.Obj{
		Name:   fmt.Sprintf("%s_str%d", c.pkg.Name(), len(c.strs)),
		Type:   backend.ArrayOf(backend.Int(backend.Uint8), len(s)+1),
		Static: true,
		Init:   append([]byte(s), 0),
	}
	c.strs[s] = o
	c.prog.Objs = append(c.prog.Objs, o)
	return o
}
