package kgo

import (
	"go/ast"
	"go/token"
	"go/types"
)

// checkSubset walks the type-checked files and rejects, each at its own
// position, every construct the kernel subset leaves out: they need a
// runtime (heap, scheduler, garbage collector, dynamic dispatch) that the
// kernel does not have. Type-level rejections (floats, 64-bit integers,
// slices) are found where a type is written or inferred.
func (c *compiler) checkSubset() {
	for _, f := range c.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				return false
			}
			c.checkNode(n)
			return true
		})
	}
}

func (c *compiler) checkNode(n ast.Node) {
	switch n := n.(type) {
	case *ast.GoStmt:
		c.outside(n.Pos(), "goroutines")
	case *ast.DeferStmt:
		c.outside(n.Pos(), "defer")
	case *ast.SelectStmt:
		c.outside(n.Pos(), "select")
	case *ast.SendStmt:
		c.outside(n.Arrow, "channel send")
	case *ast.UnaryExpr:
		if n.Op == token.ARROW {
			c.outside(n.Pos(), "channel receive")
		}
	case *ast.FuncLit:
		c.outside(n.Pos(), "function literals (closures)")
	case *ast.MapType:
		c.outside(n.Pos(), "maps")
	case *ast.ChanType:
		c.outside(n.Pos(), "channels")
	case *ast.InterfaceType:
		c.outside(n.Pos(), "interfaces")
	case *ast.TypeSwitchStmt:
		c.outside(n.Pos(), "type switches")
	case *ast.TypeAssertExpr:
		if n.Type != nil { // x.(type) is reported as the type switch
			c.outside(n.Lparen, "type assertions")
		}
	case *ast.SliceExpr:
		c.outside(n.Lbrack, "slicing")
	case *ast.ArrayType:
		if n.Len == nil {
			c.outside(n.Pos(), "slices")
		}
	case *ast.IndexListExpr:
		c.outside(n.Lbrack, "generics")
	case *ast.FuncDecl:
		c.checkFuncDecl(n)
	case *ast.TypeSpec:
		if n.TypeParams != nil {
			c.outside(n.TypeParams.Pos(), "generics")
		}
	case *ast.BasicLit:
		if n.Kind == token.FLOAT || n.Kind == token.IMAG {
			c.outside(n.Pos(), "floating point")
		}
	case *ast.CallExpr:
		c.checkBuiltin(n)
	case *ast.Ident:
		c.checkIdentType(n)
	}
}

func (c *compiler) checkFuncDecl(n *ast.FuncDecl) {
	if n.Type.TypeParams != nil {
		c.outside(n.Type.TypeParams.Pos(), "generics")
	}
	if n.Recv == nil && n.Name.Name == "init" {
		c.outside(n.Name.Pos(), "init functions (package data must be static)")
	}
}

// allowedBuiltin reports whether a builtin has a meaning without a runtime.
func allowedBuiltin(name string) bool {
	return name == "len" || name == "print" || name == "println" || name == "panic"
}

func (c *compiler) checkBuiltin(n *ast.CallExpr) {
	id, ok := ast.Unparen(n.Fun).(*ast.Ident)
	if !ok {
		return
	}
	b, ok := c.info.Uses[id].(*types.Builtin)
	if !ok || allowedBuiltin(b.Name()) {
		return
	}
	if tv, ok := c.info.Types[n]; ok && tv.Value != nil {
		return // unsafe.Sizeof and friends fold to constants
	}
	switch b.Name() {
	case "new", "make", "append":
		c.outside(id.Pos(), b.Name()+" (heap allocation)")
	case "recover":
		c.outside(id.Pos(), "recover")
	default:
		c.outside(id.Pos(), "builtin "+b.Name())
	}
}

// checkIdentType rejects variables, parameters and fields whose type the
// back end cannot represent, at their names: floating point, 64-bit
// integers and interfaces spelled "any" have no syntax of their own to
// reject (slice, map and channel types are refused where they are written).
func (c *compiler) checkIdentType(id *ast.Ident) {
	obj := c.info.Defs[id]
	if obj == nil {
		return
	}
	if _, ok := obj.(*types.Var); !ok {
		return
	}
	if why := unsupportedType(obj.Type(), map[types.Type]bool{}); why != "" {
		c.outside(id.Pos(), why)
	}
}

// unsupportedType says why t is outside the subset, or "" if it is fine.
func unsupportedType(t types.Type, seen map[types.Type]bool) string {
	if seen[t] {
		return ""
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.Basic:
		switch {
		case t.Info()&types.IsFloat != 0 || t.Info()&types.IsComplex != 0:
			return "floating point"
		case t.Kind() == types.Int64 || t.Kind() == types.Uint64:
			return "64-bit integers"
		}
	case *types.Named:
		return unsupportedType(t.Underlying(), seen)
	case *types.Alias:
		return unsupportedType(types.Unalias(t), seen)
	case *types.Pointer:
		return unsupportedType(t.Elem(), seen)
	case *types.Array:
		return unsupportedType(t.Elem(), seen)
	case *types.Struct:
		for i := range t.NumFields() {
			if why := unsupportedType(t.Field(i).Type(), seen); why != "" {
				return why
			}
		}
	case *types.Interface:
		return "interfaces" // also spelled "any", which no syntax check sees
	case *types.Signature: // a code pointer; checked in its parts
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tup.Len() {
				if why := unsupportedType(tup.At(i).Type(), seen); why != "" {
					return why
				}
			}
		}
	} // slices, maps and channels are refused where they are spelled
	return ""
}
