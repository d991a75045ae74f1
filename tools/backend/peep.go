package backend

import "strings"

// A line is one line of output, kept until the object is complete so that
// the peephole pass can look at a whole function.
type line struct {
	kind lineKind
	text string // without the leading tab (labels: without the colon)
	// barrier marks lines of an inline-asm template: the peephole pass
	// neither removes nor looks across them.
	barrier bool
}

type lineKind uint8

const (
	lineIns   lineKind = iota // an instruction
	lineLabel                 // a label
	lineOther                 // a directive or a comment: no code
)

// flush runs the peephole pass over the buffered lines and writes them.
func (g *gen) flush() {
	lines := g.out
	if !g.opt.Unoptimized {
		lines = peephole(lines)
	}
	for _, l := range lines {
		switch l.kind {
		case lineLabel:
			g.w.WriteString(l.text)
			g.w.WriteString(":\n")
		default:
			g.w.WriteByte('\t')
			g.w.WriteString(l.text)
			g.w.WriteByte('\n')
		}
	}
	g.out = g.out[:0]
}

// peephole removes what the tree walk cannot see: a jmp whose target label
// follows it with no instruction in between (the `jmp .Lreturn` of a final
// return, the jump over an empty else). Removing such a jump changes no
// register, flag or memory and no path: control reaches the label either
// way. It is local: only the lines between the jump and the label are read.
func peephole(in []line) []line {
	out := in[:0]
	for i, l := range in {
		if l.kind == lineIns && !l.barrier && strings.HasPrefix(l.text, "jmp ") && jumpsToNext(in[i+1:], strings.TrimPrefix(l.text, "jmp ")) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// jumpsToNext reports whether label is among the labels that follow before
// the next instruction.
func jumpsToNext(rest []line, label string) bool {
	for _, l := range rest {
		switch {
		case l.kind == lineIns || l.barrier:
			return false
		case l.kind == lineLabel && l.text == label:
			return true
		}
	}
	return false
}
