package backend

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Options tune Generate.
type Options struct {
	// DivZero names a routine (no arguments, never returns) called when an
	// integer division or remainder has a zero divisor. Empty: the machine
	// faults with #DE, as C on x86 does.
	DivZero string
	// Source returns the text of a source line for the comment emitted above
	// each statement's .loc; nil or "" omits the comment.
	Source func(file string, line int) string
	// Unoptimized selects the plain stack-machine code v6vm's compilers
	// emitted at first (plain.go), instruction for instruction, instead of
	// the optimised code. Both keep the same frames; the plain code is for
	// programs whose behaviour under the scheduler is calibrated on their
	// instruction counts (the C demos: race.c's loop lengths, faults.c's
	// sibling, sched.c).
	Unoptimized bool
}

// gen is the state of one Generate call; nothing is kept between calls.
type gen struct {
	w     *bufio.Writer
	opt   Options
	errs  []error
	label int    // counter for the back end's own .L<n> labels
	out   []line // the current object's lines, written by flush

	// Per function.
	fn     *Obj
	frame  map[*Obj]int     // EBP offset of each local and parameter
	temps  map[*Node]int    // EBP offset of the result buffer of aggregate calls
	cases  map[*Node]string // labels of OpCase nodes
	taken  map[*Obj]bool    // locals whose address is taken somewhere
	retPtr bool             // result is returned through the hidden pointer at [ebp+8]
	file   string
	line   int
}

// Error is a code generation error at a position.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Pos.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Generate writes p as assembly text to w. It reports the first of any
// errors (IR the back end cannot handle, which is a front-end bug).
func Generate(w io.Writer, p *Program, opt Options) error {
	g := &gen{w: bufio.NewWriter(w), opt: opt}
	for _, o := range p.Objs {
		switch {
		case o.Extern:
		case o.Func && o.Body != nil:
			g.function(o)
		case !o.Func:
			g.global(o)
		}
		g.flush()
	}
	if err := g.w.Flush(); err != nil {
		return err
	}
	if len(g.errs) > 0 {
		return g.errs[0]
	}
	return nil
}

func (g *gen) errorf(pos Pos, format string, args ...any) {
	g.errs = append(g.errs, &Error{pos, fmt.Sprintf(format, args...)})
}

// ins adds one instruction line.
func (g *gen) ins(format string, args ...any) {
	g.out = append(g.out, line{kind: lineIns, text: fmt.Sprintf(format, args...)})
}

// directive adds a line that is neither an instruction nor a label (.loc,
// .file, a comment, a section directive).
func (g *gen) directive(format string, args ...any) {
	g.out = append(g.out, line{kind: lineOther, text: fmt.Sprintf(format, args...)})
}

func (g *gen) newLabel() string {
	g.label++
	return fmt.Sprintf(".L%d", g.label)
}

// userLabel is the assembly name of a front-end label: a dot label, local to
// the function, in a name space apart from .L<n>.
func userLabel(s string) string { return ".L_" + s }

func (g *gen) emitLabel(l string) { g.out = append(g.out, line{kind: lineLabel, text: l}) }

// loc emits the line directives for a statement at pos: .file when the file
// changes, and a source comment plus .loc when the line changes.
func (g *gen) loc(pos Pos) {
	if pos.Line == 0 {
		return
	}
	if pos.File != g.file {
		g.directive(".file %q", pos.File)
		g.file, g.line = pos.File, 0
	}
	if pos.Line == g.line {
		return
	}
	g.line = pos.Line
	if g.opt.Source != nil {
		if s := strings.TrimSpace(g.opt.Source(pos.File, pos.Line)); s != "" {
			g.directive("; %d: %s", pos.Line, s)
		}
	}
	g.directive(".loc %d", pos.Line)
}

// imm formats a constant as the assembler reads it: signed 32-bit decimal.
func imm(v int64) string { return fmt.Sprint(int32(uint32(v))) }
