package asm

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"v6vm/v6vm/exe"
	"v6vm/v6vm/isa"
)

const testPC = 0x1000

// memForms are the memory operands every memory slot is tried with.
var memForms = []struct {
	base, index, scale uint8
	disp               uint32
}{
	{isa.EAX, isa.NoReg, 0, 0},            // base only
	{isa.ESP, isa.NoReg, 0, 0},            // esp as base
	{isa.EBP, isa.NoReg, 0, 0xFFFFFFF8},   // base-8
	{isa.EBP, isa.NoReg, 0, 0x80000000},   // most negative displacement
	{isa.EBX, isa.NoReg, 0, 0xFFFFFFFF},   // base-1
	{isa.EBP, isa.NoReg, 0, 0xFFFF0001},   // -65535: printed in decimal
	{isa.EBP, isa.NoReg, 0, 0xFFFF0000},   // -65536: printed in hex
	{isa.EDX, isa.NoReg, 0, 0x12345678},   // large displacement
	{isa.EAX, isa.NoReg, 0, 0x7FFFFFFF},   // largest positive
	{isa.ESP, isa.NoReg, 0, 4096},         // where decimal turns to hex
	{isa.ESP, isa.NoReg, 0, 4097},         // one past it
	{isa.EBX, isa.ESI, 2, 0x10},           // base+index*4+disp
	{isa.ECX, isa.EAX, 3, 0x7FFFFFFF},     // *8
	{isa.EAX, isa.ECX, 1, 0xFFFFFFE0},     // base+index*2-disp
	{isa.EDI, isa.EDX, 0, 0},              // base+index
	{isa.EDI, isa.ESI, 0, 0xFFFFFF00},     // base+index-disp
	{isa.ESI, isa.ESP, 1, 12},             // esp as index
	{isa.ESI, isa.EBP, 0, 12},             // ebp as index
	{isa.EDI, isa.EDI, 2, 0},              // same register twice
	{isa.NoReg, isa.ECX, 1, 0x20},         // index*2+disp, no base
	{isa.NoReg, isa.EAX, 2, 0xFFFFFFF0},   // index*4-disp
	{isa.NoReg, isa.ESP, 3, 0x100},        // esp*8
	{isa.NoReg, isa.EDI, 0, 0},            // index alone, scale 1
	{isa.NoReg, isa.EBX, 0, 0x30},         // index*1+disp
	{isa.NoReg, isa.NoReg, 0, 0x1234},     // absolute
	{isa.NoReg, isa.NoReg, 0, 0},          // absolute zero
	{isa.NoReg, isa.NoReg, 0, 0xFFFFFFFF}, // absolute, top of memory
	{isa.NoReg, isa.NoReg, 0, 0xFFFFFFF8}, // absolute, negative
	{isa.NoReg, isa.NoReg, 0, 0xC0001000}, // absolute, kernel address
}

// immEdges are the immediates tried for each kind: both ends of the range,
// where decimal printing switches to hex, and sign boundaries.
var immEdges = map[isa.Arg][]uint32{
	isa.I8:  {0, 1, 0x7F, 0x80, 0xFF},
	isa.I16: {0, 1, 0x7FFF, 0x8000, 0xFFFF, 4096, 4097},
	isa.I32: {0, 1, 4096, 4097, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFF000, 0xFFFFEFFF, 0xDEADBEEF},
	isa.Rel: {0, 0xFFFFFFFB, 0x100, 0x7FFFFFFF, 0x80000000, 0xFFFFEFF0},
}

// instances yields, for one row, instructions with every register in each
// register slot (the other slot fixed), every memory form and every
// immediate edge.
func instances(code isa.Opcode) []isa.Inst {
	op := &isa.Table[code]
	base := isa.Inst{Op: code, Len: uint8(op.Len()), Base: isa.NoReg, Index: isa.NoReg}
	var regSlots []isa.Arg
	var immKind, memKind isa.Arg
	for _, a := range op.Args {
		switch {
		case a.IsReg():
			regSlots = append(regSlots, a)
		case a.IsImm():
			immKind = a
		case a.IsMem():
			memKind = a
		}
	}
	regs := func(a isa.Arg) []uint8 {
		if a == isa.CR {
			var r []uint8
			for i, n := range isa.CRNames {
				if n != "" {
					r = append(r, uint8(i))
				}
			}
			return r
		}
		return []uint8{0, 1, 2, 3, 4, 5, 6, 7}
	}
	if len(regSlots) > 0 {
		base.R1 = regs(regSlots[0])[0]
	}
	if len(regSlots) > 1 {
		base.R2 = regs(regSlots[1])[len(regs(regSlots[1]))-1]
	}
	if memKind != 0 {
		base.Base, base.Disp = isa.EBP, 0xFFFFFFF8
	}
	if immKind != 0 {
		base.Imm = immEdges[immKind][1]
	}
	out := []isa.Inst{base}
	for i, slot := range regSlots {
		for _, r := range regs(slot) {
			in := base
			if i == 0 {
				in.R1 = r
			} else {
				in.R2 = r
			}
			out = append(out, in)
		}
	}
	if memKind != 0 {
		for _, m := range memForms {
			in := base
			in.Base, in.Index, in.Scale, in.Disp = m.base, m.index, m.scale, m.disp
			out = append(out, in)
		}
	}
	for _, v := range immEdges[immKind] {
		in := base
		in.Imm = v
		out = append(out, in)
	}
	return out
}

// TestRoundTripEveryRow formats every instance of every row, assembles the
// text and expects exactly the bytes isa.Append gives.
func TestRoundTripEveryRow(t *testing.T) {
	n := 0
	for code := range isa.Table {
		if !isa.Table[code].Valid() {
			continue
		}
		for _, in := range instances(isa.Opcode(code)) {
			text := in.Format(testPC, nil)
			want := isa.Append(nil, in)
			x, err := Assemble([]Source{{"t.s", []byte(text + "\n")}}, Options{TextAddr: testPC})
			if err != nil {
				t.Errorf("%q (% x): %v", text, want, err)
				continue
			}
			if !bytes.Equal(x.Text, want) {
				t.Errorf("%q assembled to % x, want % x", text, x.Text, want)
			}
			n++
		}
	}
	t.Logf("%d instructions round-tripped", n)
	if n < 1000 {
		t.Errorf("only %d instructions tried", n)
	}
}

// TestEveryMnemonicIsReachable checks that each row is chosen by some
// operand spelling: no row is shadowed by another with the same name.
func TestEveryMnemonicIsReachable(t *testing.T) {
	for code := range isa.Table {
		op := &isa.Table[code]
		if !op.Valid() {
			continue
		}
		rows := mnemonics[op.Name]
		found := false
		for _, r := range rows {
			found = found || r == isa.Opcode(code)
		}
		if !found {
			t.Errorf("opcode 0x%02x (%s) missing from the mnemonic index", code, op.Name)
		}
	}
	for alias, cc := range isa.CondAliases {
		x, err := Assemble([]Source{{"t.s", []byte("l: j" + alias + " l\nset" + alias + " eax\n")}}, Options{})
		if err != nil {
			t.Errorf("alias %s: %v", alias, err)
			continue
		}
		if x.Text[0] != byte(isa.JccBase)+byte(cc) || x.Text[5] != byte(isa.SetccBase)+byte(cc) {
			t.Errorf("alias %s: got opcodes %02x %02x", alias, x.Text[0], x.Text[5])
		}
	}
}

// A multi-file program for the listing round trip: hand-written code, with
// functions, local labels, cross-file calls, data and bss references.
var progA = `
	.globl _start, counter
_start:
	mov esp, stack_top
	call main
	push eax
	call exit
.hang:
	hlt
	jmp .hang

main:
	push ebp
	mov ebp, esp
	sub esp, 8
	mov dword [ebp-4], 0
.loop:
	mov eax, [ebp-4]
	cmp eax, 10
	jge .done
	mov ecx, [table+eax*4]
	add [counter], ecx
	inc dword [ebp-4]
	jmp .loop
.done:
	mov eax, [counter]
	movzx ecx, byte [msg+1]
	lea edx, [msg]
	mov [edx], cl
	leave
	ret

	.data
table:	.long 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
msg:	.asciz "hello"
fnptr:	.long main, exit
	.bss
	.align 16
stack:	.space 4096
stack_top:
`

var progB = `
	.globl exit, counter
exit:
	mov eax, [esp+4]
	mov edx, 0x10
	out dx, eax
	call [fp]
	jmp exit
	cli
.spin:
	jmp .spin
	.data
fp:	.long exit
counter: .long 0
`

// everyRow is a third file with every instance of every row, so that the
// listing round trip covers the whole table with symbolic operands.
func everyRow() string {
	var b strings.Builder
	b.WriteString("every:\n")
	for code := range isa.Table {
		if !isa.Table[code].Valid() {
			continue
		}
		for _, in := range instances(isa.Opcode(code)) {
			if in.Op == isa.JmpRel || in.Op == isa.CallRel || in.Op >= isa.JccBase && in.Op < isa.JccBase+16 {
				in.Imm = 0 // a relative jump from a generated file must stay in text
			}
			fmt.Fprintf(&b, "\t%s\n", in.Format(0, nil))
		}
	}
	return b.String()
}

var listingLine = regexp.MustCompile(`^[0-9a-f]{8}:  [0-9a-f ]{33}  (.*)$`)

// TestListingRoundTrip disassembles a multi-file program and assembles the
// listing back: the text must come out byte for byte the same.
func TestListingRoundTrip(t *testing.T) {
	srcs := []Source{{"a.s", []byte(progA)}, {"b.s", []byte(progB)}, {"every.s", []byte(everyRow())}}
	x, err := Assemble(srcs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var listing bytes.Buffer
	if err := Disassemble(&listing, x); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(listing.String(), "(bad)") {
		t.Errorf("listing has undecodable bytes:\n%s", listing.String())
	}
	for _, want := range []string{"call main", "jge main.done", "call dword [fp]", "mov ecx, [eax*4+table]", "\nmain:\n", ".loop:\n", "; a.s:", "; b.s:"} {
		if !strings.Contains(listing.String(), want) {
			t.Errorf("listing lacks %q", want)
		}
	}
	src := listingSource(t, x, listing.String())
	y, err := Assemble([]Source{{"listing.s", []byte(src)}}, Options{})
	if err != nil {
		t.Fatalf("reassembling the listing: %v", err)
	}
	if !bytes.Equal(x.Text, y.Text) {
		for i := range min(len(x.Text), len(y.Text)) {
			if x.Text[i] != y.Text[i] {
				t.Fatalf("text differs first at 0x%x: % x vs % x", x.TextAddr+uint32(i), x.Text[i:min(i+8, len(x.Text))], y.Text[i:min(i+8, len(y.Text))])
			}
		}
		t.Fatalf("text lengths differ: %d vs %d", len(x.Text), len(y.Text))
	}
}

// listingSource turns a listing back into assembly: labels and instruction
// text are kept, and data symbols become .equ, since only text is compared.
func listingSource(t *testing.T, x *exe.File, listing string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(listing, "\n") {
		switch {
		case strings.HasPrefix(line, ";") || line == "":
		case strings.HasSuffix(line, ":"):
			b.WriteString(line + "\n")
		default:
			m := listingLine.FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("unexpected listing line %q", line)
			}
			b.WriteString("\t" + m[1] + "\n")
		}
	}
	for _, s := range x.Syms {
		if s.Kind == exe.SymObject || s.Kind == exe.SymAbs {
			fmt.Fprintf(&b, "%s = 0x%x\n", s.Name, s.Value)
		}
	}
	return b.String()
}
