package asm

import (
	"strings"

	"v6vm/v6vm/exe"
	"v6vm/v6vm/isa"
)

// lineParser parses the statement on one line of one file.
type lineParser struct {
	a      *assembler
	f      *file
	toks   []token
	i      int
	line   int
	failed bool // an error was reported; the rest of the line is skipped
}

func (p *lineParser) peek() token { return p.toks[p.i] }

func (p *lineParser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

// peekPunct reports whether the next token is the punctuation s.
func (p *lineParser) peekPunct(s string) bool {
	t := p.peek()
	return t.kind == tPunct && t.text == s
}

func (p *lineParser) pos(t token) pos {
	ps := pos{file: p.f.name, line: p.line, col: t.col, srcLine: p.f.locLine}
	if ps.srcFile = p.f.locFile; ps.srcFile == "" {
		ps.srcLine = 0 // .loc without .file: the .s position says it all
	}
	return ps
}

func (p *lineParser) errorf(t token, format string, args ...any) {
	if !p.failed {
		p.a.errorAt(p.pos(t), format, args...)
	}
	p.failed = true
}

// qualify turns a .local name into its full name under the current scope.
func (p *lineParser) qualify(name string) string {
	if strings.HasPrefix(name, ".") {
		return p.f.scope + name
	}
	return name
}

// parseFile runs pass 1 over one source.
func (a *assembler) parseFile(f *file, text []byte) {
	rest := string(text) // one copy; lines and names are substrings of it
	var toks []token     // reused: no token outlives its line
	for n := 1; len(rest) > 0 || n == 1; n++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		var err *lexError
		toks, err = tokenize(line, toks[:0])
		if err != nil {
			a.errorAt(pos{file: f.name, line: n, col: err.col}, "%s", err.msg)
			continue
		}
		p := &lineParser{a: a, f: f, toks: toks, line: n}
		p.statement()
	}
}

// statement parses: label: ... then a directive, an instruction or name = expr.
func (p *lineParser) statement() {
	for p.peek().kind == tIdent && p.toks[p.i+1].kind == tPunct && p.toks[p.i+1].text == ":" {
		t := p.next()
		p.next()
		p.defineLabel(t)
		if p.failed {
			return
		}
	}
	t := p.peek()
	switch {
	case t.kind == tEOF:
		return
	case t.kind == tIdent && p.toks[p.i+1].kind == tPunct && p.toks[p.i+1].text == "=":
		p.next()
		p.next()
		p.defineEqu(t)
	case t.kind == tIdent && t.text[0] == '.':
		p.next()
		p.directive(t)
	case t.kind == tIdent:
		p.next()
		p.instruction(t)
	default:
		p.errorf(t, "expected a label, directive or instruction, found %s", describe(t))
	}
	if !p.failed {
		if t := p.peek(); t.kind != tEOF {
			p.errorf(t, "unexpected %s after the statement", describe(t))
		}
	}
}

// define enters a new symbol into the file, refusing duplicates and
// register names.
func (p *lineParser) define(t token, name string) *symbol {
	if _, ok := registers[strings.ToLower(name)]; ok {
		p.errorf(t, "%s is a register name and cannot be a symbol", name)
		return nil
	}
	if prev := p.f.syms[name]; prev != nil {
		p.errorf(t, "duplicate symbol %s (first defined at %s)", name, prev.pos)
		return nil
	}
	s := &symbol{name: name, file: p.f, pos: p.pos(t)}
	p.f.syms[name] = s
	p.f.order = append(p.f.order, s)
	return s
}

func (p *lineParser) defineLabel(t token) {
	name := t.text
	if !strings.HasPrefix(name, ".") {
		p.f.scope = name
	}
	if s := p.define(t, p.qualify(name)); s != nil {
		s.sect, s.off = p.f.sect, p.f.size[p.f.sect]
		s.local = strings.HasPrefix(name, ".")
	}
}

func (p *lineParser) defineEqu(t token) {
	s := p.define(t, p.qualify(t.text))
	e := p.parseExpr()
	if s == nil {
		return
	}
	s.equ = e
	if e == nil {
		// Keep the name defined, so its uses do not each report it
		// undefined; its value is simply unknown.
		s.equ = &expr{kind: eNum, pos: s.pos}
		s.evaluated = true
	}
}

// emit appends an item of n bytes at the current location.
func (p *lineParser) emit(it *item, n uint32, t token) {
	it.sect, it.off, it.size, it.pos = p.f.sect, p.f.size[p.f.sect], n, p.pos(t)
	if limit := sectLimit[p.f.sect]; uint64(it.off)+uint64(n) > limit {
		p.errorf(t, "section %s grows past %d MiB", p.f.sect, limit>>20)
		return
	}
	p.f.items = append(p.f.items, it)
	p.f.size[p.f.sect] += n
}

// sectLimit bounds each file's piece of a section: far more than the
// machine's memory, small enough that a typo cannot exhaust the host's.
var sectLimit = [nSect]uint64{sText: 64 << 20, sData: 64 << 20, sBss: 1 << 30}

// pass1 evaluates an expression that must be known during pass 1 (sizes,
// counts, alignments).
func (p *lineParser) pass1(e *expr, what string) (int64, bool) {
	if e == nil {
		return 0, false
	}
	n := len(p.a.errs)
	v, ok := evaluator{a: p.a}.constant(p.f, e, what)
	if len(p.a.errs) > n {
		p.failed = true
	}
	return v, ok
}

// exprList parses comma-separated expressions up to the end of the line.
func (p *lineParser) exprList() []*expr {
	var list []*expr
	for {
		e := p.parseExpr()
		if e == nil {
			return nil
		}
		list = append(list, e)
		if !p.peekPunct(",") {
			return list
		}
		p.next()
	}
}

// name reads a symbol name operand of a directive.
func (p *lineParser) name() (token, bool) {
	t := p.next()
	if t.kind != tIdent {
		p.errorf(t, "expected a symbol name, found %s", describe(t))
		return t, false
	}
	return t, true
}

func (p *lineParser) comma() bool {
	if t := p.next(); t.kind != tPunct || t.text != "," {
		p.errorf(t, "expected a comma, found %s", describe(t))
		return false
	}
	return true
}

var dataWidths = map[string]int{".byte": 1, ".word": 2, ".short": 2, ".long": 4, ".int": 4}

// directive handles one .directive.
func (p *lineParser) directive(t token) {
	d := strings.ToLower(t.text)
	if w, ok := dataWidths[d]; ok {
		if p.f.sect == sBss {
			p.errorf(t, "%s puts initialized data in .bss; use .space", d)
			return
		}
		list := p.exprList()
		if list != nil {
			p.emit(&item{width: w, exprs: list}, uint32(w*len(list)), t)
		}
		return
	}
	switch d {
	case ".text":
		p.f.sect = sText
	case ".data", ".rodata":
		p.f.sect = sData
	case ".bss":
		p.f.sect = sBss
	case ".section":
		n, ok := p.name()
		if !ok {
			return
		}
		switch n.text {
		case ".text":
			p.f.sect = sText
		case ".data", ".rodata":
			p.f.sect = sData
		case ".bss":
			p.f.sect = sBss
		default:
			p.errorf(n, "unknown section %s (want .text, .data, .rodata or .bss)", n.text)
		}
	case ".globl", ".global":
		for {
			n, ok := p.name()
			if !ok {
				return
			}
			p.f.globl = append(p.f.globl, globlDecl{p.qualify(n.text), p.pos(n)})
			if !p.peekPunct(",") {
				return
			}
			p.next()
		}
	case ".ascii", ".asciz", ".string":
		if p.f.sect == sBss {
			p.errorf(t, "%s puts initialized data in .bss; use .space", d)
			return
		}
		var b []byte
		for {
			s := p.next()
			if s.kind != tStr {
				p.errorf(s, "expected a string, found %s", describe(s))
				return
			}
			b = append(b, s.str...)
			if d != ".ascii" {
				b = append(b, 0)
			}
			if !p.peekPunct(",") {
				break
			}
			p.next()
		}
		p.emit(&item{raw: b}, uint32(len(b)), t)
	case ".align", ".balign", ".p2align":
		p.align(t, d)
	case ".space", ".skip", ".zero":
		p.space(t)
	case ".equ", ".set":
		n, ok := p.name()
		if ok && p.comma() {
			p.defineEqu(n)
		}
	case ".file":
		s := p.next()
		if s.kind != tStr {
			p.errorf(s, "expected a file name string, found %s", describe(s))
			return
		}
		p.f.locFile = string(s.str)
	case ".loc":
		n, ok := p.pass1(p.parseExpr(), ".loc line")
		if ok && (n < 1 || n > 1<<31-1) {
			p.errorf(t, ".loc line %d out of range", n)
			return
		}
		if ok {
			p.f.locLine = int(n)
		}
	case ".type":
		n, ok := p.name()
		if !ok || !p.comma() {
			return
		}
		if p.peekPunct("@") {
			p.next()
		}
		k := p.next()
		var kind exe.SymKind
		switch strings.ToLower(k.text) {
		case "function":
			kind = exe.SymFunc
		case "object":
			kind = exe.SymObject
		default:
			p.errorf(k, "symbol type must be @function or @object, not %s", describe(k))
			return
		}
		p.f.types = append(p.f.types, typeDecl{p.qualify(n.text), p.pos(n), kind, nil})
	case ".size":
		n, ok := p.name()
		if !ok || !p.comma() {
			return
		}
		if e := p.parseExpr(); e != nil {
			p.f.types = append(p.f.types, typeDecl{p.qualify(n.text), p.pos(n), 0, e})
		}
	default:
		p.errorf(t, "unknown directive %s", t.text)
	}
}

// align handles .align N[, fill]: N is a byte count, a power of two
// (.p2align takes the exponent). Text is padded with nop so that a listing of
// the padding reads as code.
func (p *lineParser) align(t token, d string) {
	list := p.exprList()
	if list == nil {
		return
	}
	if len(list) > 2 {
		p.errorf(t, "%s takes an alignment and an optional fill byte", d)
		return
	}
	n, ok := p.pass1(list[0], "alignment")
	if !ok {
		return
	}
	if d == ".p2align" {
		if n < 0 || n > 12 {
			p.errorf(t, ".p2align %d out of range 0..12", n)
			return
		}
		n = 1 << n
	}
	if n < 1 || n > 4096 || n&(n-1) != 0 {
		p.errorf(t, "alignment %d is not a power of two between 1 and 4096", n)
		return
	}
	fill, ok := p.fill(list, t)
	if !ok {
		return
	}
	s := p.f.sect
	p.f.align[s] = max(p.f.align[s], uint32(n))
	pad := (uint32(n) - p.f.size[s]%uint32(n)) % uint32(n)
	if pad > 0 {
		p.emit(&item{fill: byte(fill)}, pad, t)
	}
}

// fill returns the optional fill byte in list[1]: nop in text, else 0.
func (p *lineParser) fill(list []*expr, t token) (int, bool) {
	fill := 0
	if p.f.sect == sText {
		fill = int(isa.Nop)
	}
	if len(list) < 2 {
		return fill, true
	}
	v, ok := p.pass1(list[1], "fill byte")
	if !ok {
		return 0, false
	}
	if v < -128 || v > 255 {
		p.errorf(t, "fill value %d does not fit in a byte", v)
		return 0, false
	}
	if p.f.sect == sBss && v != 0 {
		p.errorf(t, ".bss can only be filled with zeros")
		return 0, false
	}
	return int(v), true
}

// space handles .space N[, fill].
func (p *lineParser) space(t token) {
	list := p.exprList()
	if list == nil {
		return
	}
	if len(list) > 2 {
		p.errorf(t, ".space takes a size and an optional fill byte")
		return
	}
	n, ok := p.pass1(list[0], ".space size")
	if !ok {
		return
	}
	if n < 0 || n > 1<<30 {
		p.errorf(t, ".space size %d out of range 0..1G", n)
		return
	}
	fill, ok := p.fill(list, t)
	if !ok {
		return
	}
	if p.f.sect == sText && len(list) < 2 {
		fill = 0 // .space in text is data, not padding
	}
	p.emit(&item{fill: byte(fill)}, uint32(n), t)
}

// A typeDecl is a .type (kind set) or .size (size set), applied after pass 1.
type typeDecl struct {
	name string
	pos  pos
	kind exe.SymKind
	size *expr
}
