package asm

import (
	"fmt"
	"strings"
)

// An expr is a parsed expression. Registers may appear as leaves so that a
// memory operand `[ebx+esi*4+8]` parses as one expression; the operand parser
// then takes the registers out, and anywhere else a register is an error.
type expr struct {
	kind exprKind
	pos  pos
	op   string // unary or binary operator
	x, y *expr
	n    int64  // eNum
	name string // eSym: qualified name
	reg  regInfo
	// eDot: the location the statement starts at.
	file *file
	sect sectID
	off  uint32
}

type exprKind uint8

const (
	eNum exprKind = iota
	eSym
	eDot
	eReg
	eUnary
	eBinary
)

// A value is the result of evaluating an expression: a constant, or an
// address in a section (symbol plus constant). Before layout (pass 1) label
// values are offsets in their file's piece of the section; after it they are
// absolute. Either way two addresses in the same section differ by a constant.
type value struct {
	rel  bool
	sect sectID
	n    int64
}

// Binary operators by precedence, loosest first, as in C.
var precedence = map[string]int{
	"|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6,
}

// parseExpr parses an expression from p's tokens.
func (p *lineParser) parseExpr() *expr { return p.parseBinary(1) }

func (p *lineParser) parseBinary(prec int) *expr {
	x := p.parseUnary()
	if x == nil {
		return nil
	}
	for {
		t := p.peek()
		q, ok := precedence[t.text]
		if t.kind != tPunct || !ok || q < prec {
			return x
		}
		p.next()
		y := p.parseBinary(q + 1)
		if y == nil {
			return nil
		}
		x = &expr{kind: eBinary, pos: p.pos(t), op: t.text, x: x, y: y}
	}
}

func (p *lineParser) parseUnary() *expr {
	t := p.next()
	switch t.kind {
	case tNum, tChar:
		return &expr{kind: eNum, pos: p.pos(t), n: t.val}
	case tIdent:
		if r, ok := registers[strings.ToLower(t.text)]; ok {
			return &expr{kind: eReg, pos: p.pos(t), reg: r, name: strings.ToLower(t.text)}
		}
		return &expr{kind: eSym, pos: p.pos(t), name: p.qualify(t.text)}
	case tPunct:
		switch t.text {
		case "-", "+", "~":
			x := p.parseUnary()
			if x == nil {
				return nil
			}
			return &expr{kind: eUnary, pos: p.pos(t), op: t.text, x: x}
		case "(":
			x := p.parseExpr()
			if x == nil {
				return nil
			}
			if c := p.next(); c.text != ")" || c.kind != tPunct {
				p.errorf(c, "expected ) to close the ( at column %d, found %s", t.col, describe(c))
				return nil
			}
			return x
		case ".":
			return &expr{kind: eDot, pos: p.pos(t), file: p.f, sect: p.f.sect, off: p.f.size[p.f.sect]}
		}
	}
	p.errorf(t, "expected an expression, found %s", describe(t))
	return nil
}

// describe names a token for an error message.
func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of line"
	case tStr:
		return "string " + t.text
	}
	return fmt.Sprintf("%q", t.text)
}

// findReg returns the first register leaf in e, or nil.
func findReg(e *expr) *expr {
	switch {
	case e == nil:
		return nil
	case e.kind == eReg:
		return e
	case e.kind == eUnary:
		return findReg(e.x)
	case e.kind == eBinary:
		if r := findReg(e.x); r != nil {
			return r
		}
		return findReg(e.y)
	}
	return nil
}

// evaluator evaluates expressions of one file, either during pass 1 (final
// false: only what is defined so far, in file-relative offsets) or after
// layout (final true: every symbol, absolute addresses).
type evaluator struct {
	a     *assembler
	final bool
}

// evalBudget bounds the work of one evaluation: .equ chains can describe
// exponentially large trees (a1 = a0+a0, a2 = a1+a1, ...).
const evalBudget = 1 << 20

// eval computes e. Errors are reported to the assembler; ok is false after
// one (and the rest of the expression is not evaluated, so one mistake
// reached by many paths is reported once).
func (ev evaluator) eval(f *file, e *expr) (v value, ok bool) {
	ev.a.budget = evalBudget
	return ev.rec(f, e)
}

func (ev evaluator) rec(f *file, e *expr) (v value, ok bool) {
	if ev.a.budget--; ev.a.budget < 0 {
		if ev.a.budget == -1 {
			ev.a.errorAt(e.pos, "expression too complex")
		}
		return value{}, false
	}
	switch e.kind {
	case eNum:
		return value{n: e.n}, true
	case eReg:
		ev.a.errorAt(e.pos, "register %s cannot be used in an expression", e.name)
		return value{}, false
	case eDot:
		off := int64(e.off)
		if ev.final {
			off += int64(e.file.base[e.sect])
		}
		return value{rel: true, sect: e.sect, n: off}, true
	case eSym:
		return ev.lookup(f, e)
	case eUnary:
		x, ok := ev.rec(f, e.x)
		if !ok {
			return x, false
		}
		if e.op == "+" {
			return x, true
		}
		if x.rel {
			ev.a.errorAt(e.pos, "unary %s of an address", e.op)
			return value{}, false
		}
		if e.op == "-" {
			return value{n: -x.n}, true
		}
		return value{n: ^x.n}, true
	}
	x, ok := ev.rec(f, e.x)
	if !ok {
		return value{}, false
	}
	y, ok := ev.rec(f, e.y)
	if !ok {
		return value{}, false
	}
	switch {
	case e.op == "+" && x.rel && y.rel:
		ev.a.errorAt(e.pos, "cannot add two addresses")
		return value{}, false
	case e.op == "+":
		if y.rel {
			x, y = y, x
		}
		return value{rel: x.rel, sect: x.sect, n: x.n + y.n}, true
	case e.op == "-" && x.rel && y.rel:
		if x.sect != y.sect {
			ev.a.errorAt(e.pos, "cannot subtract addresses in different sections (%s - %s)", x.sect, y.sect)
			return value{}, false
		}
		return value{n: x.n - y.n}, true
	case e.op == "-" && y.rel:
		ev.a.errorAt(e.pos, "cannot subtract an address from a constant")
		return value{}, false
	case e.op == "-":
		return value{rel: x.rel, sect: x.sect, n: x.n - y.n}, true
	case x.rel || y.rel:
		ev.a.errorAt(e.pos, "operator %s needs constants, not addresses", e.op)
		return value{}, false
	}
	a, b := x.n, y.n
	switch e.op {
	case "*":
		return value{n: a * b}, true
	case "/", "%":
		if b == 0 {
			ev.a.errorAt(e.pos, "division by zero")
			return value{}, false
		}
		if e.op == "/" {
			return value{n: a / b}, true
		}
		return value{n: a % b}, true
	case "<<", ">>":
		if b < 0 || b > 63 {
			ev.a.errorAt(e.pos, "shift count %d out of range 0..63", b)
			return value{}, false
		}
		if e.op == "<<" {
			return value{n: a << b}, true
		}
		return value{n: a >> b}, true
	case "&":
		return value{n: a & b}, true
	case "|":
		return value{n: a | b}, true
	case "^":
		return value{n: a ^ b}, true
	}
	ev.a.errorAt(e.pos, "unknown operator %s", e.op)
	return value{}, false
}

// lookup finds the value of a symbol referenced from file f. Names defined
// in f win; otherwise, after pass 1, another file's global.
func (ev evaluator) lookup(f *file, e *expr) (value, bool) {
	s := f.syms[e.name]
	if s == nil && ev.final {
		s = ev.a.globals[e.name]
	}
	if s == nil {
		if ev.final {
			ev.a.errorAt(e.pos, "undefined symbol %s", e.name)
		} else {
			ev.a.errorAt(e.pos, "%s is not defined before this line (a count or alignment must be known when it is read)", e.name)
		}
		return value{}, false
	}
	return ev.symRec(s)
}

// symValue is the value of a label or .equ symbol.
func (ev evaluator) symValue(s *symbol) (value, bool) {
	ev.a.budget = evalBudget
	return ev.symRec(s)
}

// symRec evaluates a symbol within an evaluation. An .equ is evaluated at
// most once in pass 2 (and its errors reported once), and a cycle is an error.
func (ev evaluator) symRec(s *symbol) (value, bool) {
	if s.equ == nil {
		off := int64(s.off)
		if ev.final {
			off += int64(s.file.base[s.sect])
		}
		return value{rel: true, sect: s.sect, n: off}, true
	}
	if ev.final && s.evaluated {
		return s.val, s.valOK
	}
	if s.busy {
		ev.a.errorAt(s.pos, "%s is defined in terms of itself", s.name)
		return value{}, false
	}
	s.busy = true
	v, ok := ev.rec(s.file, s.equ)
	s.busy = false
	if ev.final {
		s.evaluated, s.val, s.valOK = true, v, ok
	}
	return v, ok
}

// constant evaluates e and insists the result is a number, not an address.
func (ev evaluator) constant(f *file, e *expr, what string) (int64, bool) {
	v, ok := ev.eval(f, e)
	if !ok {
		return 0, false
	}
	if v.rel {
		ev.a.errorAt(e.pos, "%s must be a constant, not an address", what)
		return 0, false
	}
	return v.n, true
}
