package kgo

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"v6vm/tools/backend"
)

// funcState is the state of lowering one function body.
type funcState struct {
	obj     *backend.Obj
	sig     *types.Signature
	locals  map[types.Object]*backend.Obj
	results []*backend.Obj // named results, zeroed on entry
	nlabels int
	targets []*target          // enclosing loops and switches, innermost last
	labeled map[string]*target // by Go label, for labelled break/continue
	label   string             // Go label of the statement being lowered
}

// A target is where break (and for loops continue) go.
type target struct {
	brk, cont string // cont is empty for a switch
}

func (c *compiler) lowerFunc(d *ast.FuncDecl) {
	f := c.info.Defs[d.Name].(*types.Func)
	obj := c.objs[f]
	if d.Body == nil {
		return // an assembly routine from a .s file of the package
	}
	fs := &funcState{obj: obj, sig: f.Type().(*types.Signature), locals: map[types.Object]*backend.Obj{}, labeled: map[string]*target{}}
	c.fn = fs
	defer func() { c.fn = nil }()
	if d.Recv != nil {
		c.params(d.Recv)
	}
	c.params(d.Type.Params)
	var body []*backend.Node
	if d.Type.Results != nil {
		for _, fld := range d.Type.Results.List {
			for _, id := range fld.Names {
				r := c.local(c.info.Defs[id], id.Pos())
				fs.results = append(fs.results, r)
				body = append(body, zero(c.pos(id.Pos()), r))
			}
		}
	}
	body = append(body, c.stmts(d.Body.List)...)
	obj.Body = backend.Block(c.pos(d.Body.Pos()), body...)
	obj.End = c.pos(d.Body.Rbrace)
}

// params gives each parameter (named or not) its Obj, in order.
func (c *compiler) params(list *ast.FieldList) {
	for _, fld := range list.List {
		if len(fld.Names) == 0 {
			t := c.info.Types[fld.Type].Type
			p := &backend.Obj{Name: "_", Type: c.irType(t), Local: true}
			c.fn.obj.Params = append(c.fn.obj.Params, p)
			continue
		}
		for _, id := range fld.Names {
			v := c.info.Defs[id]
			p := &backend.Obj{Name: id.Name, Type: c.irType(c.info.Types[fld.Type].Type), Local: true, Pos: c.pos(id.Pos())}
			if v != nil {
				c.fn.locals[v] = p
			}
			c.fn.obj.Params = append(c.fn.obj.Params, p)
		}
	}
}

// local creates the frame slot of a local variable.
func (c *compiler) local(v types.Object, pos token.Pos) *backend.Obj {
	if v == nil {
		return c.temp(backend.Int(backend.Int32))
	}
	o := &backend.Obj{Name: v.Name(), Type: c.irType(v.Type()), Local: true, Pos: c.pos(pos)}
	c.fn.locals[v] = o
	c.fn.obj.Locals = append(c.fn.obj.Locals, o)
	return o
}

// temp creates an anonymous frame slot.
func (c *compiler) temp(t *backend.Type) *backend.Obj {
	o := &backend.Obj{Name: fmt.Sprintf(".t%d", len(c.fn.obj.Locals)), Type: t, Local: true}
	c.fn.obj.Locals = append(c.fn.obj.Locals, o)
	return o
}

// newLabel makes a function-unique label; Go's own labels are "u_NAME".
func (c *compiler) newLabel(kind string) string {
	c.fn.nlabels++
	return fmt.Sprintf("%s%d", kind, c.fn.nlabels)
}

func zero(p backend.Pos, o *backend.Obj) *backend.Node {
	return backend.ExprStmt(&backend.Node{Op: backend.OpZero, Type: backend.Int(backend.Void), Pos: p, Lhs: backend.Var(p, o)})
}
