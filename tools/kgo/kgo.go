// Package kgo compiles v6vm's kernel Go subset to v6vm assembly.
//
// The input is valid Go: it is parsed with go/parser and type-checked with
// go/types using 4-byte ints and pointers (types.StdSizes{WordSize: 4,
// MaxAlign: 4}), importing only "unsafe" and "v6vm/kernel/hw" (the
// intrinsics, expanded inline). Everything the kernel cannot have — a heap,
// a scheduler for goroutines, interfaces, closures — is rejected with a
// positioned error saying it is outside the kernel subset. The checked tree
// is lowered to tools/backend's IR, and the shared back end writes the
// assembly, so the frames and calls are exactly those of the C compiler.
//
// Stages, one file each: kgo.go (load and type-check), subset.go (what is
// rejected), types.go (Go types to IR types), decl.go (package-level
// declarations and static data), stmt.go, expr.go, call.go (calls, builtins,
// intrinsics), runtime.go (the bare-metal runtime used by `v6vm kgo --run`).
//
// Symbols: package-level functions and variables keep their Go names, so
// assembly routines (functions declared without a body, defined in a .s
// file of the package) can call and be called by Go code; a method M of
// type T is T_M. Compiled code calls these routines, which the program (or
// the bare-metal runtime) provides: kgo_printint(int), kgo_printuint(uint),
// kgo_printbool(bool), kgo_printstring(string), kgo_printpointer(uintptr),
// kgo_printsp(), kgo_printnl(), kgo_panicindex(i, n int), kgo_panicdivide(),
// kgo_panicshift(s, _ int), kgo_panicstring(string), kgo_panicint(int).
// What needs more than a few instructions but no runtime (string
// comparison, UTF-8 decoding for range) is Go code in tools/kgo/kgohelp,
// compiled into the package that uses it.
//
// # The subset
//
// Types: bool, int/uint and the sized integers up to 32 bits, byte, rune,
// uintptr, unsafe.Pointer, named types, arrays, structs (nested, embedded),
// pointers, strings (a pointer and a length, immutable). Declarations:
// constants and iota, package variables with constant, composite-literal or
// &variable initialisers (laid out in .data/.bss: there is no init code),
// locals, functions, methods, multiple and named results, function values
// of package functions (code pointers: device switch tables, handlers).
// Statements: all
// but go, defer, select and sends. Expressions: integer arithmetic with
// Go's semantics (wrap-around, shifts by 32 or more, truncating signed
// division, a panic on division by zero or a negative shift count), bounds
// checks, comparisons (strings through a comparison function the compiler
// writes into the package, structs and arrays leaf by leaf), &&/||,
// conversions between integers, pointers, uintptr and unsafe.Pointer,
// composite literals for locals, len, print/println, panic with a string or
// an integer.
//
// Rejected, each at its position: goroutines, channels, select, defer,
// maps, interfaces, closures, method values, generics, slices, new,
// make, append, recover, floating point, 64-bit integers, string
// concatenation and conversion at run time, &T{...}, returning
// or storing a local's address, init functions.
//
// Known differences from gc: a nil dereference reads address 0 instead of panicking;
// every local has its own frame slot, so big local arrays cost stack (a
// range over an array value copies it, as Go's semantics say: range over
// &array to avoid that).
package kgo

import (
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/build/constraint"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/go-multierror"

	"v6vm/kernel/hw"
	"v6vm/tools/backend"
)

// HWPath is the import path of the intrinsics package.
const HWPath = "v6vm/kernel/hw"

// A File is one source file.
type File struct {
	Name string
	Text string
}

// Output is a compiled package: the generated assembly and the package's own
// assembly files, to be assembled together.
type Output struct {
	Package string
	Asm     string // generated assembly
	SFiles  []File // the package's .s files
}

// BuildTag is the build tag kernel sources carry (//go:build v6vm) so that
// the host toolchain skips them; CompileDir selects files as if it were set
// and GOOS/GOARCH were linux/386.
const BuildTag = "v6vm"

// CompileDir compiles the Go package in dir: its .go files except tests,
// and its .s files, selected by build constraints with the v6vm tag.
func CompileDir(dir string) (*Output, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled, ctx.BuildTags = "linux", "386", false, []string{BuildTag}
	var goFiles, sFiles []File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if !strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, ".s") {
			continue
		}
		if ok, err := ctx.MatchFile(dir, name); err != nil || !ok {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		f := File{Name: filepath.Join(dir, name), Text: string(b)}
		if strings.HasSuffix(name, ".go") {
			goFiles = append(goFiles, f)
		} else {
			sFiles = append(sFiles, f)
		}
	}
	if len(goFiles) == 0 {
		return nil, fmt.Errorf("%s: no Go files", dir)
	}
	out, err := Compile(goFiles)
	if out != nil {
		out.SFiles = sFiles
	}
	return out, err
}

// Compile compiles the files of one package; files whose //go:build line
// excludes the v6vm tag are skipped. On failure the error is a
// *multierror.Error listing every problem found, in source order.
func Compile(files []File) (out *Output, err error) {
	c := newCompiler()
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("kgo: internal compiler error: %v", r)
		}
	}()
	prog := c.compile(files)
	if len(c.errs) > 0 {
		return nil, c.errors()
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "; Generated by kgo from package %s. Do not edit.\n", c.pkg.Name())
	opt := backend.Options{DivZero: "kgo_panicdivide", Source: c.sourceLine}
	if err := backend.Generate(&sb, prog, opt); err != nil {
		return nil, err
	}
	return &Output{Package: c.pkg.Name(), Asm: sb.String()}, nil
}

func newCompiler() *compiler {
	return &compiler{fset: token.NewFileSet(), sources: map[string][]string{}, intrinsics: intrinsicTable()}
}

// compiler is the state of one compilation; nothing lives at package level.
type compiler struct {
	fset    *token.FileSet
	files   []*ast.File
	sources map[string][]string // file name -> lines, for assembly comments
	pkg     *types.Package
	info    *types.Info
	errs    []error

	prog       *backend.Program
	types      map[types.Type]*backend.Type
	str        *backend.Type // the layout of string values
	objs       map[types.Object]*backend.Obj
	strs       map[string]*backend.Obj // string literal data
	fn         *funcState
	helpers    map[string]*backend.Obj  // kgohelp functions, once one is used
	intrinsics map[string]string        // kernel/hw function -> inline instructions
	leaves     map[*types.Func]ast.Expr // functions that only return a call-free expression
}

func (c *compiler) compile(files []File) *backend.Program {
	for _, f := range files {
		if !buildTagsMatch(f.Text) {
			continue
		}
		c.sources[f.Name] = strings.Split(f.Text, "\n")
		af, err := parser.ParseFile(c.fset, f.Name, f.Text, parser.ParseComments|parser.SkipObjectResolution)
		c.addErr(err)
		if af != nil {
			c.files = append(c.files, af)
		}
	}
	if len(c.errs) > 0 {
		return nil
	}
	if len(c.files) == 0 {
		c.errs = append(c.errs, errors.New("kgo: no Go files for the v6vm build (all excluded by //go:build)"))
		return nil
	}
	c.typecheck()
	if len(c.errs) > 0 {
		return nil
	}
	c.checkSubset()
	if len(c.errs) > 0 {
		return nil
	}
	return c.lower()
}

// buildTagsMatch evaluates a file's //go:build line as the kernel build
// sees it: the v6vm tag set, GOOS/GOARCH linux/386, the gc toolchain.
func buildTagsMatch(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "package ") {
			return true
		}
		if !constraint.IsGoBuild(line) {
			continue
		}
		expr, err := constraint.Parse(line)
		if err != nil {
			return true // let the parser report the file's problems
		}
		return expr.Eval(func(tag string) bool {
			return tag == BuildTag || tag == "linux" || tag == "386" || tag == "gc" || strings.HasPrefix(tag, "go1.")
		})
	}
	return true
}

// typecheck runs go/types with the machine's sizes, collecting all errors.
func (c *compiler) typecheck() {
	c.info = &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Implicits:  map[ast.Node]types.Object{},
	}
	conf := types.Config{
		Importer: importer{c},
		Sizes:    sizes(),
		Error:    func(err error) { c.errs = append(c.errs, err) },
	}
	c.pkg, _ = conf.Check(c.files[0].Name.Name, c.fset, c.files, c.info)
}

// sizes are the machine's: 4-byte int, uintptr and pointers, alignment at
// most 4. That is types.StdSizes{WordSize: 4, MaxAlign: 4} except that gc
// (and C, and the back end) round a struct's size up to its alignment,
// which StdSizes does not; gc's 386 sizes do both, so unsafe.Sizeof agrees
// with the GOARCH=386 oracle.
func sizes() types.Sizes { return types.SizesFor("gc", "386") }

// importer resolves the two packages kernel code may import.
type importer struct{ c *compiler }

func (im importer) Import(path string) (*types.Package, error) {
	switch path {
	case "unsafe":
		return types.Unsafe, nil
	case HWPath:
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "hw.go", hw.Source(), 0)
		if err != nil {
			return nil, err
		}
		conf := types.Config{Sizes: sizes(), Importer: embedOnly{}}
		return conf.Check(HWPath, fset, []*ast.File{f}, nil)
	}
	return nil, fmt.Errorf("import of %q is outside the kernel subset (only unsafe and %s)", path, HWPath)
}

// embedOnly satisfies hw.go's blank import of embed (for its Source).
type embedOnly struct{}

func (embedOnly) Import(path string) (*types.Package, error) {
	if path != "embed" {
		return nil, fmt.Errorf("kernel/hw may import only embed, not %q", path)
	}
	p := types.NewPackage("embed", "embed")
	p.MarkComplete()
	return p, nil
}

// errorf records an error at pos.
func (c *compiler) errorf(pos token.Pos, format string, args ...any) {
	c.errs = append(c.errs, &posError{c.fset.Position(pos), fmt.Sprintf(format, args...)})
}

// outside records the standard rejection of a feature.
func (c *compiler) outside(pos token.Pos, what string) {
	c.errorf(pos, "%s: outside the kernel subset", what)
}

type posError struct {
	pos token.Position
	msg string
}

func (e *posError) Error() string { return fmt.Sprintf("%s: %s", e.pos, e.msg) }

func (c *compiler) addErr(err error) {
	var list scanner.ErrorList
	switch {
	case err == nil:
	case errors.As(err, &list):
		for _, e := range list {
			c.errs = append(c.errs, &posError{e.Pos, e.Msg})
		}
	default:
		c.errs = append(c.errs, err)
	}
}

// errors returns all recorded errors, sorted by position, as one error.
func (c *compiler) errors() error {
	pos := func(err error) token.Position {
		var pe *posError
		var te types.Error
		switch {
		case errors.As(err, &pe):
			return pe.pos
		case errors.As(err, &te):
			return te.Fset.Position(te.Pos)
		}
		return token.Position{}
	}
	sort.SliceStable(c.errs, func(i, j int) bool {
		a, b := pos(c.errs[i]), pos(c.errs[j])
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Offset < b.Offset
	})
	me := &multierror.Error{ErrorFormat: func(es []error) string {
		lines := make([]string, len(es))
		for i, e := range es {
			lines[i] = e.Error()
		}
		return strings.Join(lines, "\n")
	}}
	for _, e := range c.errs {
		me = multierror.Append(me, e)
	}
	return me
}

// sourceLine gives the back end the text of a line for its comments.
func (c *compiler) sourceLine(file string, line int) string {
	lines := c.sources[file]
	if line < 1 || line > len(lines) {
		return ""
	}
	return lines[line-1]
}

// pos converts a token.Pos to a back-end position.
func (c *compiler) pos(p token.Pos) backend.Pos {
	q := c.fset.Position(p)
	return backend.Pos{File: q.Filename, Line: q.Line, Col: q.Column}
}
