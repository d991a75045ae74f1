package kgo

import (
	_ "embed"
	"fmt"

	"v6vm/tools/backend"
)

//go:embed kgohelp/help.go
var helperSource string

// helper returns the package's own copy of a kgohelp function, adding it
// to the program on first use (helpers do not call each other).
func (c *compiler) helper(name string) *backend.Obj {
	if c.helpers == nil {
		c.helpers = c.compileHelpers()
	}
	fn, ok := c.helpers[name]
	if !ok {
		panic("kgo: no helper " + name)
	}
	if !fn.Static {
		fn.Static = true
		c.prog.Objs = append(c.prog.Objs, fn)
	}
	return fn
}

// compileHelpers lowers kgohelp with a compiler of its own, adds its data
// (file-local) to this program and returns its functions, renamed PKG_name;
// helper adds each function when it is first used.
func (c *compiler) compileHelpers() map[string]*backend.Obj {
	h := newCompiler()
	prog := h.compile([]File{{Name: "kgo/helpers.go", Text: helperSource}})
	if len(h.errs) > 0 {
		panic(fmt.Sprintf("kgo: helpers do not compile: %v", h.errors()))
	}
	fns := map[string]*backend.Obj{}
	for _, o := range prog.Objs {
		if o.Func {
			fns[o.Name] = o
			o.Name = c.pkg.Name() + "_" + o.Name
			continue
		}
		o.Static = true
		c.prog.Objs = append(c.prog.Objs, o)
	}
	for file, lines := range h.sources {
		c.sources[file] = lines
	}
	return fns
}
