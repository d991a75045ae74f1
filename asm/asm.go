package asm

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/hashicorp/go-multierror"

	"v6vm/v6vm/exe"
)

// Source is one assembly file.
type Source struct {
	Name string
	Text []byte
}

// Options control layout and the entry point.
type Options struct {
	TextAddr uint32 // virtual address of text; default 0x1000
	LoadAddr uint32 // physical load address (exe.File.LoadAddr); default = TextAddr
	Entry    string // entry symbol; default "_start" if defined, else the start of text
}

// DefaultTextAddr is where text goes when Options.TextAddr is zero.
const DefaultTextAddr = 0x1000

// Error is one diagnostic, positioned at the offending token.
type Error struct {
	File      string
	Line, Col int
	Msg       string
	// SrcFile and SrcLine are the position in the compiled source (C, Go)
	// that the line's .file and .loc directives give, if they give one.
	SrcFile string
	SrcLine int
}

func (e *Error) Error() string {
	if e.File == "" {
		return e.Msg
	}
	if e.SrcLine > 0 {
		return fmt.Sprintf("%s:%d: %s (%s:%d:%d)", e.SrcFile, e.SrcLine, e.Msg, e.File, e.Line, e.Col)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// pos is a source position, with the compiled source's from .file/.loc.
type pos struct {
	file      string
	line, col int
	srcFile   string
	srcLine   int
}

func (p pos) String() string { return fmt.Sprintf("%s:%d:%d", p.file, p.line, p.col) }

// sectID names an output section.
type sectID uint8

const (
	sText sectID = iota
	sData
	sBss
	nSect
)

func (s sectID) String() string { return [...]string{".text", ".data", ".bss", "?"}[min(s, nSect)] }

// A symbol is a label or an .equ name defined in one file.
type symbol struct {
	name   string // qualified (Swtch.loop)
	file   *file
	pos    pos
	sect   sectID
	off    uint32 // label: offset in the file's piece of sect
	equ    *expr  // .equ / = : the defining expression
	global bool
	local  bool        // a .name label, qualified by the label before it
	kind   exe.SymKind // from .type; 0 means "from section and name"
	size   *expr       // from .size

	// .equ evaluation state (pass 2 caches the result).
	busy, evaluated, valOK bool
	val                    value
}

// A file is one source and what pass 1 learned from it.
type file struct {
	idx   int
	name  string
	syms  map[string]*symbol
	order []*symbol // in definition order
	globl []globlDecl
	types []typeDecl // .type and .size
	items []*item
	size  [nSect]uint32 // bytes in each section
	align [nSect]uint32 // largest alignment asked for in each section
	base  [nSect]uint32 // absolute address of each piece, set by layout

	// Parser state.
	sect    sectID
	scope   string // last non-dot label, which qualifies .local labels
	locFile string // from .file
	locLine int    // from .loc; 0 before the first
}

type globlDecl struct {
	name string
	pos  pos
}

// An item is one statement that occupies bytes: an instruction, data, or
// padding.
type item struct {
	sect sectID
	off  uint32
	size uint32
	pos  pos

	// An instruction.
	inst *instr
	// Data: each expression in width bytes.
	width int
	exprs []*expr
	// Literal bytes (strings), or size bytes of fill (.space, .align); in
	// bss only size counts.
	raw  []byte
	fill byte
}

// The assembler holds the state of one Assemble call.
type assembler struct {
	opt     Options
	files   []*file
	globals map[string]*symbol
	errs    []*Error
	budget  int // steps left in the current evaluation
}

func (a *assembler) errorAt(p pos, format string, args ...any) {
	a.errs = append(a.errs, &Error{p.file, p.line, p.col, fmt.Sprintf(format, args...), p.srcFile, p.srcLine})
}

// Assemble assembles and links srcs into one executable. The error, if any,
// is a *multierror.Error holding every *Error of the run, in source order.
func Assemble(srcs []Source, opt Options) (*exe.File, error) {
	if opt.TextAddr == 0 {
		opt.TextAddr = DefaultTextAddr
	}
	if opt.LoadAddr == 0 {
		opt.LoadAddr = opt.TextAddr
	}
	a := &assembler{opt: opt, globals: map[string]*symbol{}}
	for i, src := range srcs {
		f := &file{idx: i, name: src.Name, syms: map[string]*symbol{}}
		for s := range f.align {
			f.align[s] = 4
		}
		a.files = append(a.files, f)
		a.parseFile(f, src.Text)
	}
	a.collectGlobals()
	x := a.link()
	if len(a.errs) > 0 {
		return nil, a.errorList()
	}
	return x, nil
}

// AssembleFiles reads the named files and assembles them.
func AssembleFiles(paths []string, opt Options) (*exe.File, error) {
	var srcs []Source
	var errs *multierror.Error
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			errs = multierror.Append(errs, err)
			continue
		}
		srcs = append(srcs, Source{Name: p, Text: b})
	}
	if errs != nil {
		errs.ErrorFormat = lineFormat
		return nil, errs
	}
	return Assemble(srcs, opt)
}

// errorList sorts the errors by file (in command-line order), line and
// column, and wraps them.
func (a *assembler) errorList() error {
	order := map[string]int{}
	for i := len(a.files) - 1; i >= 0; i-- {
		order[a.files[i].name] = i
	}
	sort.SliceStable(a.errs, func(i, j int) bool {
		x, y := a.errs[i], a.errs[j]
		if x.File != y.File {
			if x.File == "" || y.File == "" {
				return y.File == ""
			}
			return order[x.File] < order[y.File]
		}
		if x.Line != y.Line {
			return x.Line < y.Line
		}
		return x.Col < y.Col
	})
	m := &multierror.Error{ErrorFormat: lineFormat}
	for _, e := range a.errs {
		m.Errors = append(m.Errors, e)
	}
	return m
}

// lineFormat prints one error per line, as compilers do, instead of
// multierror's bulleted paragraph.
func lineFormat(errs []error) string {
	var b strings.Builder
	for i, e := range errs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// collectGlobals marks the symbols named by .globl and builds the table of
// names visible to every file. A .globl of a name the file does not define
// merely declares it.
func (a *assembler) collectGlobals() {
	for _, f := range a.files {
		for _, g := range f.globl {
			if s := f.syms[g.name]; s != nil {
				s.global = true
			}
		}
		for _, s := range f.order {
			if !s.global {
				continue
			}
			if prev := a.globals[s.name]; prev != nil && prev != s {
				a.errorAt(s.pos, "duplicate global symbol %s (also defined at %s)", s.name, prev.pos)
				continue
			}
			a.globals[s.name] = s
		}
	}
}
