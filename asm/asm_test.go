package asm

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"

	"v6vm/v6vm/exe"
	"v6vm/v6vm/isa"
)

func assemble(t *testing.T, opt Options, srcs ...string) *exe.File {
	t.Helper()
	var ss []Source
	for i, s := range srcs {
		ss = append(ss, Source{fmt.Sprintf("f%d.s", i+1), []byte(s)})
	}
	x, err := Assemble(ss, opt)
	if err != nil {
		t.Fatalf("assemble: %v", err)
	}
	return x
}

func sym(t *testing.T, x *exe.File, name string) exe.Sym {
	t.Helper()
	for _, s := range x.Syms {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no symbol %s in %v", name, x.Syms)
	return exe.Sym{}
}

// enc is the encoding of instructions given as isa.Inst, with Base and
// Index defaulting to none.
func enc(ins ...isa.Inst) []byte {
	var b []byte
	for _, in := range ins {
		if in.Base == 0 && in.Index == 0 && in.Disp == 0 {
			in.Base, in.Index = isa.NoReg, isa.NoReg
		}
		b = isa.Append(b, in)
	}
	return b
}

func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

// TestOperandMatching checks how written operands choose table rows:
// unsized memory, size keywords, implied registers, case.
func TestOperandMatching(t *testing.T) {
	m := func(op isa.Opcode, r1, r2 uint8) isa.Inst {
		return isa.Inst{Op: op, R1: r1, R2: r2, Base: isa.EBX, Index: isa.NoReg, Disp: 4}
	}
	cases := []struct {
		src  string
		want isa.Inst
	}{
		{"mov [ebx+4], al", m(isa.MovM8R, isa.EAX, 0)},
		{"mov [ebx+4], cx", m(isa.MovM16R, isa.ECX, 0)},
		{"mov [ebx+4], edx", m(isa.MovMR, isa.EDX, 0)},
		{"mov [ebx+4], 7", isa.Inst{Op: isa.MovMI, Base: isa.EBX, Index: isa.NoReg, Disp: 4, Imm: 7}},
		{"mov word [ebx+4], 7", isa.Inst{Op: isa.MovM16I, Base: isa.EBX, Index: isa.NoReg, Disp: 4, Imm: 7}},
		{"MOV BYTE PTR [EBX+4], -1", isa.Inst{Op: isa.MovM8I, Base: isa.EBX, Index: isa.NoReg, Disp: 4, Imm: 0xFF}},
		{"movzx eax, byte [ebx+4]", m(isa.MovzxRM8, isa.EAX, 0)},
		{"movsx esi, word ptr [ebx+4]", m(isa.MovsxRM16, isa.ESI, 0)},
		{"lea edi, [ebx+4]", m(isa.Lea, isa.EDI, 0)},
		{"lea edi, dword [ebx+4]", m(isa.Lea, isa.EDI, 0)},
		{"invlpg [ebx+4]", m(isa.Invlpg, 0, 0)},
		{"jmp eax", isa.Inst{Op: isa.JmpR, R1: isa.EAX}},
		{"jmp [ebx+4]", m(isa.JmpM, 0, 0)},
		{"call dword [ebx+4]", m(isa.CallM, 0, 0)},
		{"in al, dx", isa.Inst{Op: isa.InRD8, R1: isa.EAX}},
		{"in ax, 0x60", isa.Inst{Op: isa.InRI16, R1: isa.EAX, Imm: 0x60}},
		{"out dx, eax", isa.Inst{Op: isa.OutDR32, R1: isa.EAX}},
		{"out 0x3f8, bl", isa.Inst{Op: isa.OutIR8, R1: isa.EBX, Imm: 0x3f8}},
		{"shr ecx, cl", isa.Inst{Op: isa.ShrRC, R1: isa.ECX}},
		{"sar dword [ebx+4], 31", isa.Inst{Op: isa.SarMI, Base: isa.EBX, Index: isa.NoReg, Disp: 4, Imm: 31}},
		{"mov cr3, eax", isa.Inst{Op: isa.MovCR, R1: isa.CR3, R2: isa.EAX}},
		{"mov ebp, esp0", isa.Inst{Op: isa.MovRC, R1: isa.EBP, R2: isa.ESP0}},
		{"imul eax, ecx, -3", isa.Inst{Op: isa.ImulRRI, R1: isa.EAX, R2: isa.ECX, Imm: 0xFFFFFFFD}},
		{"setnz eax", isa.Inst{Op: isa.SetccBase + isa.CondNE, R1: isa.EAX}},
		{"rep stosd", isa.Inst{Op: isa.RepStosd}},
		{"Rep  MovSB", isa.Inst{Op: isa.RepMovsb}},
		{"mov eax, [ebx+ecx]", isa.Inst{Op: isa.MovRM, Base: isa.EBX, Index: isa.ECX}},
		{"mov eax, [4*ecx+ebx+1]", isa.Inst{Op: isa.MovRM, Base: isa.EBX, Index: isa.ECX, Scale: 2, Disp: 1}},
		{"mov eax, [ecx*1]", isa.Inst{Op: isa.MovRM, Base: isa.NoReg, Index: isa.ECX}},
		{"mov eax, [ebx-8+2*3]", isa.Inst{Op: isa.MovRM, Base: isa.EBX, Index: isa.NoReg, Disp: 0xFFFFFFFE}},
		{"mov eax, [0x1234]", isa.Inst{Op: isa.MovRM, Base: isa.NoReg, Index: isa.NoReg, Disp: 0x1234}},
		{"push -1", isa.Inst{Op: isa.PushI, Imm: 0xFFFFFFFF}},
		{"int 0x80", isa.Inst{Op: isa.Int, Imm: 0x80}},
	}
	for _, c := range cases {
		x, err := Assemble([]Source{{"t.s", []byte(c.src)}}, Options{})
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if want := enc(c.want); !bytes.Equal(x.Text, want) {
			in, _ := isa.Decode(x.Text)
			t.Errorf("%s: got % x (%s), want % x (%s)", c.src, x.Text, in.Format(0, nil), want, c.want.Format(0, nil))
		}
	}
}

// TestLayout checks section placement, cross-file references and
// relocation in both directions between text and data.
func TestLayout(t *testing.T) {
	f1 := `
	.globl _start
_start:
	mov eax, msg
	call far
	ret
	.data
msg:	.ascii "hi"
	.align 4
ptrs:	.long _start, far+4, msg
	.bss
b1:	.space 3
`
	f2 := `
	.globl far
far:	nop
	nop
	.data
d2:	.byte 1
	.long .
	.bss
b2:	.space 8
`
	x := assemble(t, Options{}, f1, f2)
	wantText := enc(
		isa.Inst{Op: isa.MovRI, R1: isa.EAX, Imm: 0x2000},
		isa.Inst{Op: isa.CallRel, Imm: 0x100c - 0x100b},
		isa.Inst{Op: isa.Ret},
		isa.Inst{Op: isa.Nop}, isa.Inst{Op: isa.Nop},
	)
	if !bytes.Equal(x.Text, wantText) {
		t.Errorf("text = % x, want % x", x.Text, wantText)
	}
	var wantData []byte
	wantData = append(wantData, 'h', 'i', 0, 0)
	wantData = append(wantData, le32(0x1000)...)
	wantData = append(wantData, le32(0x1010)...)
	wantData = append(wantData, le32(0x2000)...)
	wantData = append(wantData, 1)
	wantData = append(wantData, le32(0x2011)...)
	wantData = append(wantData, 0, 0, 0)
	if !bytes.Equal(x.Data, wantData) {
		t.Errorf("data = % x, want % x", x.Data, wantData)
	}
	if x.TextAddr != 0x1000 || x.LoadAddr != 0x1000 || x.DataAddr != 0x2000 || x.BssSize != 12 || x.Entry != 0x1000 {
		t.Errorf("header: text 0x%x load 0x%x data 0x%x bss %d entry 0x%x", x.TextAddr, x.LoadAddr, x.DataAddr, x.BssSize, x.Entry)
	}
	for _, c := range []struct {
		name        string
		value, size uint32
	}{
		{"_start", 0x1000, 12}, {"far", 0x100c, 2}, {"msg", 0x2000, 4}, {"ptrs", 0x2004, 12},
		{"d2", 0x2010, 5}, {"b1", 0x2018, 3}, {"b2", 0x201c, 8},
	} {
		if s := sym(t, x, c.name); s.Value != c.value || s.Size != c.size {
			t.Errorf("%s = 0x%x size %d, want 0x%x size %d", c.name, s.Value, s.Size, c.value, c.size)
		}
	}
	// The result is a well-formed executable.
	y, err := exe.Parse(x.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(y.Text, x.Text) || len(y.Syms) != len(x.Syms) || len(y.Lines) != len(x.Lines) {
		t.Errorf("Marshal/Parse changed the file")
	}
}

func TestTextAndLoadAddr(t *testing.T) {
	x := assemble(t, Options{TextAddr: 0xC0001000, LoadAddr: 0x100000}, "f: jmp f\n.data\nd: .long d\n")
	if x.TextAddr != 0xC0001000 || x.LoadAddr != 0x100000 || x.DataAddr != 0xC0002000 {
		t.Errorf("text 0x%x load 0x%x data 0x%x", x.TextAddr, x.LoadAddr, x.DataAddr)
	}
	if want := enc(isa.Inst{Op: isa.JmpRel, Imm: 0xFFFFFFFB}); !bytes.Equal(x.Text, want) {
		t.Errorf("text % x, want % x", x.Text, want)
	}
	if !bytes.Equal(x.Data, le32(0xC0002000)) {
		t.Errorf("data % x", x.Data)
	}
}

func TestLocalLabels(t *testing.T) {
	src := `
Swtch:
	mov ecx, 3
.loop:
	dec ecx
	jnz .loop
	ret
Other:
.loop:
	jmp .loop
	jmp Swtch.loop
`
	x := assemble(t, Options{}, src)
	want := enc(
		isa.Inst{Op: isa.MovRI, R1: isa.ECX, Imm: 3},
		isa.Inst{Op: isa.DecR, R1: isa.ECX},
		isa.Inst{Op: isa.JccBase + isa.CondNE, Imm: 0xFFFFFFF9}, // back over dec and itself
		isa.Inst{Op: isa.Ret},
		isa.Inst{Op: isa.JmpRel, Imm: 0xFFFFFFFB},
		isa.Inst{Op: isa.JmpRel, Imm: 0xFFFFFFEE}, // 0x1006 - 0x1018
	)
	if !bytes.Equal(x.Text, want) {
		t.Errorf("text % x, want % x", x.Text, want)
	}
	for _, c := range []struct {
		name  string
		value uint32
		kind  exe.SymKind
		size  uint32
	}{
		{"Swtch", 0x1000, exe.SymFunc, 0x0e}, {"Swtch.loop", 0x1006, exe.SymLabel, 0},
		{"Other", 0x100e, exe.SymFunc, 10}, {"Other.loop", 0x100e, exe.SymLabel, 0},
	} {
		if s := sym(t, x, c.name); s.Value != c.value || s.Kind != c.kind || s.Size != c.size {
			t.Errorf("%s = %+v, want value 0x%x kind %d size %d", c.name, s, c.value, c.kind, c.size)
		}
	}
}

func TestAlignSpace(t *testing.T) {
	src := `
	nop
	.align 8
a:	.space 3, 0xAA
	.byte 1
	.p2align 2, 0xEE
b:	ret
	.data
	.byte 7
	.align 16
c:	.zero 2
	.bss
	.align 4096
pgdir:	.space 4096
`
	x := assemble(t, Options{}, src)
	nop := byte(isa.Nop)
	want := []byte{nop, nop, nop, nop, nop, nop, nop, nop, 0xAA, 0xAA, 0xAA, 1, byte(isa.Ret)}
	if !bytes.Equal(x.Text, want) {
		t.Errorf("text % x, want % x", x.Text, want)
	}
	if s := sym(t, x, "b"); s.Value != 0x100c {
		t.Errorf("b = 0x%x", s.Value)
	}
	if s := sym(t, x, "c"); s.Value != 0x2010 {
		t.Errorf("c = 0x%x, want 0x2010 (data piece aligned to 16)", s.Value)
	}
	if s := sym(t, x, "pgdir"); s.Value != 0x3000 || x.BssSize != 0x3000+4096-(0x2000+uint32(len(x.Data))) {
		t.Errorf("pgdir = 0x%x, bss %d, data %d bytes", s.Value, x.BssSize, len(x.Data))
	}
}

// TestExpressions evaluates expressions in .long and compares the values.
func TestExpressions(t *testing.T) {
	cases := []struct {
		expr string
		want uint32
	}{
		{"1+2*3", 7}, {"(1+2)*3", 9}, {"1<<4|1", 17}, {"0x10 & 0b110", 0}, {"7 % 4", 3},
		{"-1", 0xFFFFFFFF}, {"~0", 0xFFFFFFFF}, {"+5", 5}, {"1 - -1", 2}, {"10/3", 3}, {"-7/2", 0xFFFFFFFD},
		{"1+2<<1", 6}, {"6^3", 5}, {"0o17", 15}, {"0xFFFFFFFF", 0xFFFFFFFF}, {"-0x80000000", 0x80000000},
		{"'A'", 65}, {`'\n'`, 10}, {`'\x41'`, 0x41}, {`'\101'`, 0x41}, {`'\''`, 39}, {`'\0'`, 0},
		{"';'", ';'}, {"'#'", '#'}, {"N*2", 42}, {"M", 43}, {"end-start", 4 * 34}, {"start+4", 0x2004},
		{"(end-start)/4", 34}, {"start", 0x2000}, {"LATER", 7}, {"Sz", 8},
	}
	var b strings.Builder
	b.WriteString("nop\nN = 21\n.equ M, N*2+1\n.data\nstart:\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "\t.long %s\n", c.expr)
	}
	b.WriteString("\t.long ., .-start\n")
	b.WriteString("end:\nLATER = 3+4\n.equ Sz, two-one\n.bss\none: .space 8\ntwo:\n")
	x := assemble(t, Options{}, b.String())
	for i, c := range cases {
		if got := binary.LittleEndian.Uint32(x.Data[4*i:]); got != c.want {
			t.Errorf("%s = 0x%x, want 0x%x", c.expr, got, c.want)
		}
	}
	n := len(cases)
	if dot, rel := binary.LittleEndian.Uint32(x.Data[4*n:]), binary.LittleEndian.Uint32(x.Data[4*n+4:]); dot != 0x2000+4*uint32(n) || rel != 4*uint32(n) {
		t.Errorf(". = 0x%x, .-start = %d", dot, rel)
	}
	if s := sym(t, x, "M"); s.Kind != exe.SymAbs || s.Value != 43 {
		t.Errorf("M = %+v", s)
	}
}

func TestLineTable(t *testing.T) {
	hand := "f:\tnop\n\tnop\n\t.align 8\n\n\tret\n"
	compiled := "\t.file \"proc.go\"\n\t.loc 10\ng:\tpush ebp\n\tmov ebp, esp\n\t.loc 11\n\tret\n\t.loc 10\n\tnop\n"
	noFile := ".loc 5\nh: ret\n"
	x := assemble(t, Options{}, hand, compiled, noFile)
	want := []exe.Line{
		{Addr: 0x1000, File: "f1.s", Line: 1},
		{Addr: 0x1001, File: "f1.s", Line: 2},
		{Addr: 0x1002, File: "", Line: 0}, // .align padding
		{Addr: 0x1008, File: "f1.s", Line: 5},
		{Addr: 0x1009, File: "", Line: 0}, // padding to the next file
		{Addr: 0x100c, File: "proc.go", Line: 10},
		{Addr: 0x1011, File: "proc.go", Line: 11},
		{Addr: 0x1012, File: "proc.go", Line: 10},
		{Addr: 0x1013, File: "", Line: 0},
		{Addr: 0x1014, File: "f3.s", Line: 5}, // .loc without .file: the .s name
		{Addr: 0x1015, File: "", Line: 0},     // end of text
	}
	if fmt.Sprint(x.Lines) != fmt.Sprint(want) {
		t.Errorf("lines:\n%v\nwant\n%v", x.Lines, want)
	}
	if file, line, ok := x.LineAt(0x100e); !ok || file != "proc.go" || line != 10 {
		t.Errorf("LineAt(0x100e) = %s:%d %v", file, line, ok)
	}
}

func TestSymbolKindsAndSizes(t *testing.T) {
	src := `
	.globl f, obj
f:	nop
	nop
.l:	ret
g:	ret
	.type tbl, @object
tbl:	.long 0
h:	nop
	nop
	.size h, .-h
	.long 0
	.data
obj:	.long 1, 2
	.size obj, 4
.inner: .byte 3
tail:	.byte 0
	.type code, @function
code:	.byte 0xC3
K = 42
`
	x := assemble(t, Options{}, src)
	for _, c := range []struct {
		name   string
		kind   exe.SymKind
		size   uint32
		global bool
	}{
		{"f", exe.SymFunc, 3, true}, {"f.l", exe.SymLabel, 0, false}, {"g", exe.SymFunc, 1, false},
		{"tbl", exe.SymObject, 4, false}, {"h", exe.SymFunc, 2, false}, {"obj", exe.SymObject, 4, true}, {"obj.inner", exe.SymLabel, 0, false},
		{"tail", exe.SymObject, 1, false}, {"code", exe.SymFunc, 1, false}, {"K", exe.SymAbs, 0, false},
	} {
		s := sym(t, x, c.name)
		if s.Kind != c.kind || s.Size != c.size || s.Global != c.global {
			t.Errorf("%s = %+v, want kind %d size %d global %v", c.name, s, c.kind, c.size, c.global)
		}
	}
	for i := 1; i < len(x.Syms); i++ {
		if x.Syms[i].Value < x.Syms[i-1].Value {
			t.Errorf("symbols not sorted: %v", x.Syms)
		}
	}
}

func TestEntry(t *testing.T) {
	src := "a: nop\n_start: nop\nb: nop\n"
	if x := assemble(t, Options{}, src); x.Entry != 0x1001 {
		t.Errorf("entry 0x%x, want _start 0x1001", x.Entry)
	}
	if x := assemble(t, Options{Entry: "b"}, src); x.Entry != 0x1002 {
		t.Errorf("entry 0x%x, want b 0x1002", x.Entry)
	}
	if x := assemble(t, Options{TextAddr: 0x8000}, "a: nop\n"); x.Entry != 0x8000 {
		t.Errorf("entry 0x%x, want start of text 0x8000", x.Entry)
	}
	// A global _start in the second file wins.
	if x := assemble(t, Options{}, "nop\n", ".globl _start\n_start: ret\n"); x.Entry != 0x1004 {
		t.Errorf("entry 0x%x, want 0x1004", x.Entry)
	}
}

// TestListingGolden pins the listing format. Update with -update.
func TestListingGolden(t *testing.T) {
	x := assemble(t, Options{}, progA, progB)
	var b bytes.Buffer
	if err := Disassemble(&b, x); err != nil {
		t.Fatal(err)
	}
	goldie.New(t).Assert(t, "listing", b.Bytes())
}

func TestDisassembleBadBytes(t *testing.T) {
	x := &exe.File{TextAddr: 0x1000, Text: []byte{0x00, byte(isa.Nop), 0xFF, byte(isa.MovRR), 9, 0, byte(isa.MovRI), 1}}
	var b bytes.Buffer
	if err := Disassemble(&b, x); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"00001000:  00                                 (bad)\n",
		"00001001:  1c                                 nop\n",
		"00001002:  ff                                 (bad)\n",
		"00001003:  01                                 (bad)\n", // register 9
		"00001004:  09                                 (bad)\n",
		"00001005:  00                                 (bad)\n",
		"00001006:  02                                 (bad)\n", // truncated
		"00001007:  01                                 (bad)\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("listing lacks %q:\n%s", want, got)
		}
	}
}

// TestAssembleFiles reads sources from disk; errors name the path.
func TestAssembleFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.s")
	bad := filepath.Join(dir, "bad.s")
	os.WriteFile(good, []byte("_start: ret\n"), 0o644)
	os.WriteFile(bad, []byte("\n  frob\n"), 0o644)
	if x, err := AssembleFiles([]string{good}, Options{}); err != nil || len(x.Text) != 1 {
		t.Errorf("good: %v", err)
	}
	_, err := AssembleFiles([]string{good, bad}, Options{})
	if err == nil || err.Error() != bad+":2:3: unknown instruction frob" {
		t.Errorf("bad: %v", err)
	}
	if _, err := AssembleFiles([]string{filepath.Join(dir, "missing.s")}, Options{}); err == nil || !strings.Contains(err.Error(), "missing.s") {
		t.Errorf("missing: %v", err)
	}
}
