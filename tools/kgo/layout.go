package kgo

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// TypeCheck type-checks a package of kernel Go files with the machine's
// sizes and returns go/types' view of it, without checking the subset or
// generating code. Tools that read kernel data structures from a running
// machine (traces, debuggers) use it to find field offsets, so their
// knowledge of the layout is the compiler's.
func TypeCheck(files []File) (*types.Package, types.Sizes, error) {
	c := &compiler{fset: token.NewFileSet(), sources: map[string][]string{}}
	var afs []*ast.File
	for _, f := range files {
		af, err := parser.ParseFile(c.fset, f.Name, f.Text, parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, err
		}
		afs = append(afs, af)
	}
	var firstErr error
	conf := types.Config{
		Importer: importer{c},
		Sizes:    sizes(),
		Error: func(err error) {
			if firstErr == nil {
				firstErr = err
			}
		},
	}
	pkg, _ := conf.Check(afs[0].Name.Name, c.fset, afs, nil)
	return pkg, sizes(), firstErr
}
