package asm

import (
	"bytes"
	"fmt"
	"math/bits"
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

func (p *lineParser) pos(t token) pos { return pos{p.f.name, p.line, t.col} }

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
	for n, line := range bytes.Split(text, []byte("\n")) {
		toks, err := tokenize(string(line))
		if err != nil {
			a.errorAt(pos{f.name, n + 1, err.col}, "%s", err.msg)
			continue
		}
		p := &lineParser{a: a, f: f, toks: toks, line: n + 1}
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

// An instr is a parsed instruction with its table row chosen.
type instr struct {
	op   isa.Opcode
	args []operand
	file string // source position for the line table
	line int
}

// An operand as written.
type operand struct {
	pos   pos
	kind  operandKind
	width int // register: 32, 16 or 8; memory: 0 (unsized), 32, 16 or 8
	reg   uint8
	// Memory.
	base, index, scale uint8
	disp               *expr // nil for none
	// Immediate, or the target of a jump.
	imm *expr
}

type operandKind uint8

const (
	oReg operandKind = iota
	oCR
	oMem
	oImm
)

// regInfo describes a register name: width 32, 16 or 8, or 0 for a control
// register.
type regInfo struct {
	width int
	num   uint8
}

// registers maps every register name (lower case) to its number and width.
var registers = map[string]regInfo{}

// mnemonics maps a mnemonic (and the condition-code aliases) to its rows.
var mnemonics = map[string][]isa.Opcode{}

// prefixWords are the first words of two-word mnemonics ("rep").
var prefixWords = map[string]bool{}

func init() {
	for i := range 8 {
		registers[isa.RegNames32[i]] = regInfo{32, uint8(i)}
		registers[isa.RegNames16[i]] = regInfo{16, uint8(i)}
		registers[isa.RegNames8[i]] = regInfo{8, uint8(i)}
		if isa.CRNames[i] != "" {
			registers[isa.CRNames[i]] = regInfo{0, uint8(i)}
		}
	}
	for code := range isa.Table {
		op := &isa.Table[code]
		if !op.Valid() {
			continue
		}
		mnemonics[op.Name] = append(mnemonics[op.Name], isa.Opcode(code))
		if first, _, ok := strings.Cut(op.Name, " "); ok {
			prefixWords[first] = true
		}
	}
	// jz for je, setnc for setae: the alias names a row whose name ends in
	// its condition's canonical name.
	for alias, cc := range isa.CondAliases {
		for _, base := range []isa.Opcode{isa.JccBase, isa.SetccBase} {
			op := &isa.Table[base+isa.Opcode(cc)]
			prefix := strings.TrimSuffix(op.Name, isa.Conds[cc].Name)
			mnemonics[prefix+alias] = append(mnemonics[prefix+alias], base+isa.Opcode(cc))
		}
	}
}

// instruction parses an instruction and chooses its row in isa.Table.
func (p *lineParser) instruction(t token) {
	name := strings.ToLower(t.text)
	if prefixWords[name] && p.peek().kind == tIdent {
		name += " " + strings.ToLower(p.next().text)
	}
	rows, ok := mnemonics[name]
	if !ok {
		p.errorf(t, "unknown instruction %s", name)
		return
	}
	var args []operand
	if p.peek().kind != tEOF {
		for {
			o, ok := p.operand()
			if !ok {
				return
			}
			args = append(args, o)
			if !p.peekPunct(",") {
				break
			}
			p.next()
		}
		if t := p.peek(); t.kind != tEOF {
			p.errorf(t, "expected a comma or the end of the line after an operand, found %s", describe(t))
			return
		}
	}
	op, ok := match(rows, args)
	if !ok {
		p.errorf(t, "%s", noForm(name, rows, args))
		return
	}
	if p.f.sect == sBss {
		p.errorf(t, "instruction in .bss")
		return
	}
	in := &instr{op: op, args: args, file: p.f.name, line: p.line}
	if p.f.locLine > 0 {
		in.line = p.f.locLine
		if p.f.locFile != "" {
			in.file = p.f.locFile
		}
	}
	p.emit(&item{inst: in}, uint32(isa.Table[op].Len()), t)
}

// operand parses one operand: a register, [memory] with an optional size,
// or an expression (an immediate or a jump target).
func (p *lineParser) operand() (operand, bool) {
	t := p.peek()
	o := operand{pos: p.pos(t)}
	if t.kind == tIdent {
		switch strings.ToLower(t.text) {
		case "byte":
			o.width = 8
		case "word":
			o.width = 16
		case "dword":
			o.width = 32
		}
		if o.width != 0 {
			p.next()
			if n := p.peek(); n.kind == tIdent && strings.ToLower(n.text) == "ptr" {
				p.next()
			}
			if !p.peekPunct("[") {
				p.errorf(p.peek(), "expected [ after %s: a size applies to a memory operand", t.text)
				return o, false
			}
		}
	}
	if p.peekPunct("[") {
		open := p.next()
		e := p.parseExpr()
		if e == nil {
			return o, false
		}
		if c := p.next(); c.kind != tPunct || c.text != "]" {
			p.errorf(c, "expected ] to close the [ at column %d, found %s", open.col, describe(c))
			return o, false
		}
		o.kind = oMem
		return o, p.memory(&o, e)
	}
	e := p.parseExpr()
	if e == nil {
		return o, false
	}
	if e.kind == eReg {
		o.kind, o.width, o.reg = oReg, e.reg.width, e.reg.num
		if e.reg.width == 0 {
			o.kind = oCR
		}
		return o, true
	}
	if r := findReg(e); r != nil {
		p.a.errorAt(r.pos, "register %s inside an expression (memory operands need [ ])", r.name)
		p.failed = true
		return o, false
	}
	o.kind, o.imm = oImm, e
	return o, true
}

// memory splits the expression inside [ ] into base, index*scale and a
// displacement: the sum's terms that are registers become base and index,
// the rest the displacement.
func (p *lineParser) memory(o *operand, e *expr) bool {
	o.base, o.index = isa.NoReg, isa.NoReg
	var terms []*expr
	var signs []bool // true: subtracted
	var split func(e *expr, neg bool)
	split = func(e *expr, neg bool) {
		if e.kind == eBinary && (e.op == "+" || e.op == "-") {
			split(e.x, neg)
			split(e.y, neg != (e.op == "-"))
			return
		}
		terms = append(terms, e)
		signs = append(signs, neg)
	}
	split(e, false)
	for i, t := range terms {
		reg, scale := (*expr)(nil), (*expr)(nil)
		switch {
		case t.kind == eReg:
			reg = t
		case t.kind == eBinary && t.op == "*" && t.x.kind == eReg:
			reg, scale = t.x, t.y
		case t.kind == eBinary && t.op == "*" && t.y.kind == eReg:
			reg, scale = t.y, t.x
		}
		if reg == nil {
			if r := findReg(t); r != nil {
				return p.badMem(r, "register %s can only be added (or scaled by 1, 2, 4 or 8) in a memory operand", r.name)
			}
			if signs[i] {
				t = &expr{kind: eUnary, pos: t.pos, op: "-", x: t}
			}
			if o.disp == nil {
				o.disp = t
			} else {
				o.disp = &expr{kind: eBinary, pos: t.pos, op: "+", x: o.disp, y: t}
			}
			continue
		}
		if signs[i] {
			return p.badMem(reg, "register %s cannot be subtracted", reg.name)
		}
		if reg.reg.width != 32 {
			return p.badMem(reg, "memory operands take 32-bit registers, not %s", reg.name)
		}
		if scale == nil && o.base == isa.NoReg {
			o.base = reg.reg.num
			continue
		}
		if o.index != isa.NoReg {
			return p.badMem(reg, "too many registers in memory operand (at most a base and an index)")
		}
		o.index = reg.reg.num
		if scale != nil {
			if r := findReg(scale); r != nil {
				return p.badMem(r, "register %s cannot be a scale", r.name)
			}
			n, ok := p.pass1(scale, "scale")
			if !ok {
				return false
			}
			if n != 1 && n != 2 && n != 4 && n != 8 {
				return p.badMem(scale, "scale must be 1, 2, 4 or 8, not %d", n)
			}
			o.scale = uint8(bits.TrailingZeros8(uint8(n))) // encoded as a shift
		}
	}
	return true
}

func (p *lineParser) badMem(at *expr, format string, args ...any) bool {
	if !p.failed {
		p.a.errorAt(at.pos, format, args...)
	}
	p.failed = true
	return false
}

// match finds the row whose operand kinds accept args. An unsized memory
// operand is taken as 32-bit unless a register operand says otherwise
// (mov [ebx], al stores a byte).
func match(rows []isa.Opcode, args []operand) (isa.Opcode, bool) {
	for _, code := range rows {
		if accepts(&isa.Table[code], args, false) {
			return code, true
		}
	}
	return 0, false
}

// accepts reports whether row op takes args. With anySize, an unsized memory
// operand matches every width (used to suggest a size keyword).
func accepts(op *isa.Op, args []operand, anySize bool) bool {
	if len(op.Args) != len(args) {
		return false
	}
	var regWidth [33]bool // register widths present, indexed by bits
	for _, o := range args {
		if o.kind == oReg {
			regWidth[o.width] = true
		}
	}
	for i, a := range op.Args {
		o := args[i]
		ok := false
		switch a {
		case isa.R32, isa.R16, isa.R8:
			ok = o.kind == oReg && o.width == argWidth(a)
		case isa.CR:
			ok = o.kind == oCR
		case isa.DX:
			ok = o.kind == oReg && o.width == 16 && o.reg == isa.EDX
		case isa.CL:
			ok = o.kind == oReg && o.width == 8 && o.reg == isa.ECX
		case isa.M:
			ok = o.kind == oMem
		case isa.M32:
			ok = o.kind == oMem && (o.width == 32 || o.width == 0)
		case isa.M16, isa.M8:
			w := argWidth(a)
			ok = o.kind == oMem && (o.width == w || o.width == 0 && (anySize || regWidth[w]))
		case isa.I32, isa.I16, isa.I8, isa.Rel:
			ok = o.kind == oImm
		}
		if !ok {
			return false
		}
	}
	return true
}

func argWidth(a isa.Arg) int {
	switch a {
	case isa.R16, isa.M16:
		return 16
	case isa.R8, isa.M8:
		return 8
	}
	return 32
}

// noForm explains why no row of the mnemonic takes these operands.
func noForm(name string, rows []isa.Opcode, args []operand) string {
	var kinds []string
	for _, o := range args {
		switch o.kind {
		case oReg:
			kinds = append(kinds, fmt.Sprintf("r%d", o.width))
		case oCR:
			kinds = append(kinds, "cr")
		case oMem:
			if o.width == 0 {
				kinds = append(kinds, "m")
			} else {
				kinds = append(kinds, fmt.Sprintf("m%d", o.width))
			}
		case oImm:
			kinds = append(kinds, "imm")
		}
	}
	var forms []string
	sized := false
	for _, code := range rows {
		op := &isa.Table[code]
		var f []string
		for _, a := range op.Args {
			f = append(f, a.String())
		}
		forms = append(forms, "("+strings.Join(f, ", ")+")")
		sized = sized || accepts(op, args, true)
	}
	msg := fmt.Sprintf("no form of %s takes (%s); forms: %s", name, strings.Join(kinds, ", "), strings.Join(forms, " "))
	if sized {
		msg += "; give the memory operand a size (byte, word or dword)"
	}
	// A mistyped register (eaz) parses as a symbol; say so when a register
	// in its place would have matched.
	for i, o := range args {
		if o.kind != oImm || o.imm.kind != eSym {
			continue
		}
		try := append([]operand(nil), args...)
		for _, w := range []int{32, 16, 8} {
			try[i] = operand{kind: oReg, width: w}
			for _, code := range rows {
				if accepts(&isa.Table[code], try, false) {
					return msg + fmt.Sprintf("; %s is not a register", o.imm.name)
				}
			}
		}
	}
	return msg
}

// A typeDecl is a .type (kind set) or .size (size set), applied after pass 1.
type typeDecl struct {
	name string
	pos  pos
	kind exe.SymKind
	size *expr
}
