package asm

import (
	"fmt"
	"math/bits"
	"strings"

	"v6vm/v6vm/isa"
)

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
