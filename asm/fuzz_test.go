package asm

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/go-multierror"

	"v6vm/v6vm/exe"
)

var positioned = regexp.MustCompile(`^[^:]+:\d+:\d+: .`)

// FuzzAssemble feeds arbitrary text to the assembler. Nothing may panic;
// every error must be positioned; a program that assembles must marshal,
// parse back and disassemble.
func FuzzAssemble(f *testing.F) {
	for _, s := range []string{
		progA, progB, everyRow()[:2000],
		"mov eax, [ebx+esi*4-8]\n.data\n.long .-1, 'x', \"s\"\n",
		".equ a, b\n.equ b, a\n.long a\n",
		".space 0x7fffffff\n.align 4096\n",
		"x: .loop: jmp .loop\n .globl x, y\n call y\n",
		".file \"a.go\"\n.loc 3\nret\n.type r, @function\n.size r, .-r\nr:\n",
		"mov al, '\\x4'\n.ascii \"\\777\"\n",
		"[[[[\n]]]]\n((((1))))\n- - - ~ ~ 1\n",
		"\x00\xff\t;\n#\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		x, err := Assemble([]Source{{"fuzz.s", src}}, Options{})
		if err != nil {
			var m *multierror.Error
			if !errors.As(err, &m) || len(m.Errors) == 0 {
				t.Fatalf("error %v is not a non-empty multierror", err)
			}
			for _, e := range m.Errors {
				msg := e.Error()
				if !positioned.MatchString(msg) && !strings.HasPrefix(msg, "program does not fit") {
					t.Errorf("unpositioned error %q", msg)
				}
			}
			return
		}
		if len(x.Text)+len(x.Data) > 1<<20 {
			return // big .space: slow to copy around, and nothing new to learn
		}
		y, err := exe.Parse(x.Marshal())
		if err != nil {
			t.Fatalf("assembled file does not parse: %v", err)
		}
		if len(y.Text) > 1<<16 {
			return // a listing of a big .space is slow, not interesting
		}
		var b bytes.Buffer
		if err := Disassemble(&b, y); err != nil {
			t.Fatal(err)
		}
	})
}

// BenchmarkAssemble assembles a generated file of about 100,000 lines.
func BenchmarkAssemble(b *testing.B) {
	var sb strings.Builder
	lines := 0
	for i := 0; lines < 100000; i++ {
		fmt.Fprintf(&sb, "f%d:\n\tpush ebp\n\tmov ebp, esp\n\tsub esp, 16\n", i)
		fmt.Fprintf(&sb, ".loop:\n\tmov eax, [ebp+8]\n\tmov ecx, [eax+ebx*4-12]\n\tadd eax, 0x%x\n\tcmp eax, f%d\n\tjne .loop\n", i, i)
		fmt.Fprintf(&sb, "\tmov byte [ebx], al\n\tcall f%d\n\tleave\n\tret\n\t.data\nd%d:\t.long f%d, %d\n\t.text\n", i/2, i, i, i)
		lines += 17
	}
	src := []Source{{"big.s", []byte(sb.String())}}
	b.ResetTimer()
	for range b.N {
		if _, err := Assemble(src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

// FuzzDisassemble lists arbitrary text bytes: nothing may panic, and every
// byte is covered by exactly one listing line.
func FuzzDisassemble(f *testing.F) {
	f.Add([]byte{0x02, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0xff, 0x05})
	f.Add([]byte{0x05, 0x83, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00})
	f.Fuzz(func(t *testing.T, text []byte) {
		x := &exe.File{TextAddr: 0x1000, Text: text, Syms: []exe.Sym{{Name: "f", Value: 0x1000, Kind: exe.SymFunc}}}
		var b bytes.Buffer
		if err := Disassemble(&b, x); err != nil {
			t.Fatal(err)
		}
		n := 0
		for line := range strings.SplitSeq(b.String(), "\n") {
			if m := listingLine.FindStringSubmatch(line); m != nil {
				n += len(strings.Fields(line[10:43]))
			}
		}
		if n != len(text) {
			t.Errorf("listing covers %d bytes of %d:\n%s", n, len(text), b.String())
		}
	})
}
