package asm

import (
	"encoding/binary"
	"sort"

	"v6vm/v6vm/exe"
	"v6vm/v6vm/isa"
)

// link lays out the files' pieces of each section, then runs pass 2:
// evaluates every expression with final addresses, encodes, and builds the
// symbol and line tables.
func (a *assembler) link() *exe.File {
	textEnd, dataEnd, bssEnd, ok := a.layout()
	if !ok {
		return nil
	}
	x := &exe.File{
		TextAddr: a.opt.TextAddr,
		LoadAddr: a.opt.LoadAddr,
		DataAddr: uint32(alignUp(uint64(textEnd), 4096)),
		Text:     make([]byte, textEnd-a.opt.TextAddr),
	}
	x.Data = make([]byte, dataEnd-x.DataAddr)
	x.BssSize = bssEnd - dataEnd
	// Padding between files' text is nop, so a listing reads through it.
	for i := range x.Text {
		x.Text[i] = byte(isa.Nop)
	}
	ev := evaluator{a: a, final: true}
	var lt lineTable
	prevEnd := a.opt.TextAddr
	for _, f := range a.files {
		if f.size[sText] > 0 && f.base[sText] > prevEnd {
			lt.mark(prevEnd, "", 0)
		}
		for _, it := range f.items {
			addr := f.base[it.sect] + it.off
			var buf []byte
			switch it.sect {
			case sText:
				buf = x.Text[addr-x.TextAddr:]
				if it.inst != nil {
					lt.mark(addr, it.inst.file, it.inst.line)
				} else if it.size > 0 {
					lt.mark(addr, "", 0)
				}
			case sData:
				buf = x.Data[addr-x.DataAddr:]
			default:
				continue // bss holds no bytes
			}
			switch {
			case it.inst != nil:
				a.encode(ev, f, it.inst, addr, buf)
			case it.width > 0:
				for i, e := range it.exprs {
					v, ok := ev.eval(f, e)
					if ok && a.checkRange(start(e), v.n, it.width*8, "") {
						putLE(buf[i*it.width:], it.width, uint32(v.n))
					}
				}
			case it.raw != nil:
				copy(buf, it.raw)
			default:
				for i := range it.size {
					buf[i] = it.fill
				}
			}
		}
		if f.size[sText] > 0 {
			prevEnd = f.base[sText] + f.size[sText]
		}
	}
	if len(x.Text) > 0 {
		lt.mark(textEnd, "", 0)
	}
	x.Lines = lt.lines
	x.Syms = a.symbols(ev)
	x.Entry = a.entry(ev)
	return x
}

// layout places each file's piece of text, data and bss: text of all files
// in order, data from the next page boundary, bss after data. Each piece is
// aligned to at least 4 and to the largest .align it contains.
func (a *assembler) layout() (textEnd, dataEnd, bssEnd uint32, ok bool) {
	addr := uint64(a.opt.TextAddr)
	place := func(s sectID) {
		for _, f := range a.files {
			addr = alignUp(addr, uint64(f.align[s]))
			f.base[s] = uint32(addr)
			addr += uint64(f.size[s])
		}
	}
	place(sText)
	te := addr
	addr = alignUp(addr, 4096)
	place(sData)
	de := alignUp(addr, 4) // bss begins where data ends; keep it aligned
	addr = de
	place(sBss)
	if addr > 1<<32 {
		a.errorAt(pos{}, "program does not fit in the 4 GiB address space (text at 0x%x, %d bytes in all)", a.opt.TextAddr, addr-uint64(a.opt.TextAddr))
		return 0, 0, 0, false
	}
	return uint32(te), uint32(de), uint32(addr), true
}

// start is the position of the leftmost token of e, where a complaint about
// its value should point.
func start(e *expr) pos {
	for e.kind == eBinary {
		e = e.x
	}
	return e.pos
}

func alignUp(x, n uint64) uint64 { return (x + n - 1) / n * n }

func putLE(b []byte, width int, v uint32) {
	switch width {
	case 1:
		b[0] = byte(v)
	case 2:
		binary.LittleEndian.PutUint16(b, uint16(v))
	case 4:
		binary.LittleEndian.PutUint32(b, v)
	}
}

// checkRange reports whether v fits in bits, read as either signed or
// unsigned (so a byte is -128..255): a wider value is an error, never a
// silent truncation.
func (a *assembler) checkRange(p pos, v int64, bits int, what string) bool {
	lo, hi := -(int64(1) << (bits - 1)), int64(1)<<bits-1
	if v < lo || v > hi {
		if what == "" {
			what = map[int]string{8: "a byte", 16: "a word", 32: "a long"}[bits]
		}
		a.errorAt(p, "value %d out of range for %s (%d..%d)", v, what, lo, hi)
		return false
	}
	return true
}

// encode evaluates an instruction's operands and writes its encoding to buf.
func (a *assembler) encode(ev evaluator, f *file, in *instr, addr uint32, buf []byte) {
	op := &isa.Table[in.op]
	x := isa.Inst{Op: in.op, Base: isa.NoReg, Index: isa.NoReg}
	nreg := 0
	for i, kind := range op.Args {
		o := in.args[i]
		switch {
		case kind.IsReg():
			if nreg == 0 {
				x.R1 = o.reg
			} else {
				x.R2 = o.reg
			}
			nreg++
		case kind.IsMem():
			x.Base, x.Index, x.Scale = o.base, o.index, o.scale
			if o.disp != nil {
				v, ok := ev.eval(f, o.disp)
				if ok && a.checkRange(start(o.disp), v.n, 32, "a displacement") {
					x.Disp = uint32(v.n)
				}
			}
		case kind == isa.Rel:
			v, ok := ev.eval(f, o.imm)
			if ok && a.checkRange(start(o.imm), v.n, 32, "a jump target") {
				x.Imm = uint32(v.n) - addr - uint32(op.Len())
			}
		case kind.IsImm():
			v, ok := ev.eval(f, o.imm)
			bits := kind.Size() * 8
			if ok && a.checkRange(start(o.imm), v.n, bits, kind.String()) {
				x.Imm = uint32(uint64(v.n) & (1<<bits - 1))
			}
		}
	}
	copy(buf, isa.Append(nil, x))
}

// lineTable collects exe.Line entries, one per change of source line.
type lineTable struct{ lines []exe.Line }

func (t *lineTable) mark(addr uint32, file string, line int) {
	if n := len(t.lines); n > 0 {
		last := &t.lines[n-1]
		if last.File == file && last.Line == line {
			return
		}
		if last.Addr == addr {
			t.lines = t.lines[:n-1]
			t.mark(addr, file, line)
			return
		}
	}
	t.lines = append(t.lines, exe.Line{Addr: addr, File: file, Line: line})
}

// symbols builds the symbol table. A non-dot label's size runs to the next
// non-dot label of the same file and section, or to the end of the file's
// piece; .size overrides it and .type the kind.
func (a *assembler) symbols(ev evaluator) []exe.Sym {
	var syms []exe.Sym
	for _, f := range a.files {
		for _, d := range f.types {
			s := f.syms[d.name]
			if s == nil {
				a.errorAt(d.pos, "undefined symbol %s", d.name)
				continue
			}
			if d.kind != 0 {
				s.kind = d.kind
			}
			if d.size != nil {
				s.size = d.size
			}
		}
		var next [nSect]uint32
		for s := range next {
			next[s] = f.size[s]
		}
		sizes := map[*symbol]uint32{}
		for i := len(f.order) - 1; i >= 0; i-- {
			s := f.order[i]
			if s.equ != nil || s.local {
				continue
			}
			sizes[s] = next[s.sect] - s.off
			next[s.sect] = s.off
		}
		for _, s := range f.order {
			sym := exe.Sym{Name: s.name, Global: s.global}
			if s.equ != nil {
				// A constant may be wider than 32 bits (BIG = 1<<40, used
				// as BIG>>20); the table keeps its low bits.
				v, _ := ev.symValue(s)
				sym.Value = uint32(v.n)
				sym.Kind = exe.SymAbs
			} else {
				sym.Value = f.base[s.sect] + s.off
				sym.Size = sizes[s]
				switch {
				case s.local:
					sym.Kind = exe.SymLabel
				case s.sect == sText:
					sym.Kind = exe.SymFunc
				default:
					sym.Kind = exe.SymObject
				}
			}
			if s.kind != 0 {
				sym.Kind = s.kind
			}
			if s.size != nil {
				if n, ok := ev.constant(f, s.size, ".size"); ok && a.checkRange(start(s.size), n, 32, ".size") {
					sym.Size = uint32(n)
				}
			}
			syms = append(syms, sym)
		}
	}
	sort.SliceStable(syms, func(i, j int) bool { return syms[i].Value < syms[j].Value })
	return syms
}

// entry finds the entry address: Options.Entry, else _start, else the start
// of text.
func (a *assembler) entry(ev evaluator) uint32 {
	name := a.opt.Entry
	if name == "" {
		name = "_start"
	}
	s := a.globals[name]
	for _, f := range a.files {
		if s == nil {
			s = f.syms[name]
		}
	}
	if s == nil {
		if a.opt.Entry != "" {
			a.errorAt(pos{}, "entry symbol %s is not defined", name)
		}
		return a.opt.TextAddr
	}
	v, _ := ev.symValue(s)
	return uint32(v.n)
}
