package asm

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/go-multierror"
)

// errorsOf returns the diagnostics of a failed Assemble, one string each.
func errorsOf(t *testing.T, err error) []string {
	t.Helper()
	var m *multierror.Error
	if !errors.As(err, &m) {
		t.Fatalf("error %v (%T) is not a *multierror.Error", err, err)
	}
	var out []string
	for _, e := range m.Errors {
		var ae *Error
		if !errors.As(e, &ae) {
			t.Errorf("error %v (%T) is not an *asm.Error", e, e)
		}
		out = append(out, e.Error())
	}
	return out
}

// TestDiagnostics assembles bad inputs and expects each error, exactly, as
// "file:line:col: " followed by text matching a regexp.
func TestDiagnostics(t *testing.T) {
	cases := []struct {
		src  string
		want []string // "t.s:L:C: regexp"
	}{
		{"foo eax", []string{`t.s:1:1: unknown instruction foo`}},
		{"\tadd byte [eax], 5", []string{`t.s:1:2: no form of add takes \(m8, imm\); forms: \(r32, r32\) \(r32, imm32\) \(r32, m32\) \(m32, r32\) \(m32, imm32\)$`}},
		{"mov eax, ebx, ecx", []string{`t.s:1:1: no form of mov takes \(r32, r32, r32\)`}},
		{"mov eaz, 1", []string{`t.s:1:1: no form of mov takes \(imm, imm\).*; eaz is not a register`}},
		{"mov byte [eax], 256", []string{`t.s:1:17: value 256 out of range for imm8 \(-128\.\.255\)`}},
		{"shl eax, -129", []string{`t.s:1:10: value -129 out of range for imm8`}},
		{"in eax, 0x10000", []string{`t.s:1:9: value 65536 out of range for imm16 \(-32768\.\.65535\)`}},
		{"mov eax, 0x100000000", []string{`t.s:1:10: number 0x100000000 does not fit in 32 bits`}},
		{"nop\n  jmp nowhere", []string{`t.s:2:7: undefined symbol nowhere`}},
		// Compiled code: the .file/.loc position comes first, the .s one after.
		{".file \"prog.c\"\n.loc 7\n  call missing", []string{`prog.c:7: undefined symbol missing \(t.s:3:8\)`}},
		{".loc 7\n  call missing", []string{`t.s:2:8: undefined symbol missing`}},
		{"a:\nnop\na: nop", []string{`t.s:3:1: duplicate symbol a \(first defined at t.s:1:1\)`}},
		{".data\n.ascii \"abc", []string{`t.s:2:8: unterminated string`}},
		{"mov al, 'ab'", []string{`t.s:1:9: character literal must hold exactly one character`}},
		{".data\n.ascii \"a\\qb\"", []string{`t.s:2:10: unknown escape \\q`}},
		{"mov eax, [ebx*3]", []string{`t.s:1:15: scale must be 1, 2, 4 or 8, not 3`}},
		{"mov eax, [eax+ebx+ecx]", []string{`t.s:1:19: too many registers`}},
		{"mov eax, [ax]", []string{`t.s:1:11: memory operands take 32-bit registers, not ax`}},
		{"mov eax, [ebx-ecx]", []string{`t.s:1:15: register ecx cannot be subtracted`}},
		{"mov eax, [ebx+ecx*ecx]", []string{`t.s:1:19: register ecx cannot be a scale`}},
		{"mov eax, ebx+4", []string{`t.s:1:10: register ebx inside an expression \(memory operands need \[ \]\)`}},
		{".foo 1", []string{`t.s:1:1: unknown directive .foo`}},
		{"mov eax, 1 +", []string{`t.s:1:13: expected an expression, found end of line`}},
		{"mov eax, (1", []string{`t.s:1:12: expected \) to close the \( at column 10, found end of line`}},
		{"mov eax, [ebx", []string{`t.s:1:14: expected \] to close the \[ at column 10`}},
		{".data\n.long 1/0", []string{`t.s:2:8: division by zero`}},
		{".data\n.byte 300, -129, 255", []string{`t.s:2:7: value 300 out of range for a byte`, `t.s:2:12: value -129 out of range for a byte`}},
		{".data\n.word 65536", []string{`t.s:2:7: value 65536 out of range for a word`}},
		{"movzx eax, [ebx]", []string{`t.s:1:1: no form of movzx takes \(r32, m\).*give the memory operand a size`}},
		{".equ x, x+1\nmov eax, x", []string{`t.s:1:6: x is defined in terms of itself`}},
		{".space later\nlater:", []string{`t.s:1:8: later is not defined before this line`}},
		{"eax: nop", []string{`t.s:1:1: eax is a register name and cannot be a symbol`}},
		{".align 3", []string{`t.s:1:1: alignment 3 is not a power of two`}},
		{"push byte 5", []string{`t.s:1:11: expected \[ after byte`}},
		{".bss\nmov eax, 1", []string{`t.s:2:1: instruction in .bss`}},
		{".bss\n.long 1", []string{`t.s:2:1: .long puts initialized data in .bss`}},
		{".type foo, @function", []string{`t.s:1:7: undefined symbol foo`}},
		{".type f, @thing\nf:", []string{`t.s:1:11: symbol type must be @function or @object`}},
		{"mov eax, 1 ! 2", []string{`t.s:1:12: unexpected character '!'`}},
		{"m: mov eax, m*2", []string{`t.s:1:14: operator \* needs constants, not addresses`}},
		{"f: nop\n.data\nd: .long f-d", []string{`t.s:3:11: cannot subtract addresses in different sections \(.text - .data\)`}},
		{"f: nop\nmov eax, f+f", []string{`t.s:2:11: cannot add two addresses`}},
		{"mov eax, 1 << 64", []string{`t.s:1:12: shift count 64 out of range`}},
		{"ret 4", []string{`t.s:1:1: no form of ret takes \(imm\); forms: \(\)`}},
		{"mov cr1, eax", []string{`no form of mov takes \(imm, r32\).*cr1 is not a register`}},
		{"mov eax, 1 2", []string{`t.s:1:12: expected a comma or the end of the line after an operand, found "2"`}},
		{"nop: nop", []string{`t.s:1:6: .*`}[:0]}, // labels may share a mnemonic's name
		{"x = 1\n.equ x, 2", []string{`t.s:2:6: duplicate symbol x \(first defined at t.s:1:1\)`}},
		{".loc 0", []string{`t.s:1:1: .loc line 0 out of range`}},
		{".file foo", []string{`t.s:1:7: expected a file name string, found "foo"`}},
		{"jmp 0xFFFFFFFF+1", []string{`t.s:1:5: value 4294967296 out of range for a jump target`}},
		{"mov eax, [0xFFFFFFFF+1]", []string{`t.s:1:11: value 4294967296 out of range for a displacement`}},
		{".globl", []string{`t.s:1:7: expected a symbol name, found end of line`}},
		{"rep movsw", []string{`t.s:1:1: unknown instruction rep movsw`}},
		{".data\n.space 0x4000000\n.byte 1", []string{`t.s:3:1: section .data grows past 64 MiB`}},
		{chain(40) + ".data\n.long a40", []string{`t.s:43:7: value 1099511627776 out of range for a long`}},
		{chain(40) + ".space a40", []string{`t.s:\d+:\d+: expression too complex`}},
	}
	for _, c := range cases {
		_, err := Assemble([]Source{{"t.s", []byte(c.src)}}, Options{})
		if len(c.want) == 0 {
			if err != nil {
				t.Errorf("%q: unexpected error: %v", c.src, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%q: no error, want %q", c.src, c.want)
			continue
		}
		got := errorsOf(t, err)
		if len(got) != len(c.want) {
			t.Errorf("%q: got %d errors, want %d:\n%s", c.src, len(got), len(c.want), strings.Join(got, "\n"))
			continue
		}
		for i, w := range c.want {
			if !regexp.MustCompile(w).MatchString(got[i]) {
				t.Errorf("%q: error %d is\n\t%s\nwant match for\n\t%s", c.src, i, got[i], w)
			}
		}
	}
}

// TestManyErrors checks that one run reports every error, from both passes
// and both files, in source order.
func TestManyErrors(t *testing.T) {
	a := "start:\n" +
		"\tmov eax, ebx, ecx\n" + // 2: no form
		"\tjmp missing\n" + // 3: undefined (pass 2)
		"\tbogus\n" + // 4: unknown instruction
		"\tmov byte [eax], 1000\n" + // 5: range (pass 2)
		"\tcall helper\n" + // 6: fine, helper is global in b.s
		"\tcall secret\n" + // 7: secret is not global in b.s
		"\t.data\n" +
		"\t.ascii \"open\n" // 9: unterminated
	b := "\t.globl helper, start\n" +
		"helper:\n" +
		"\tret\n" +
		"secret:\n" +
		"\tret\n" +
		"\tmov [eax], 1\n" // 6: no form? no: unsized memory with imm is m32
	_, err := Assemble([]Source{{"a.s", []byte(a)}, {"b.s", []byte(b + "\tmov eax, [ebx*5]\n" + "\t.long missing2\n")}}, Options{})
	if err == nil {
		t.Fatal("no error")
	}
	got := errorsOf(t, err)
	want := []string{
		`a.s:2:2: no form of mov`,
		`a.s:3:6: undefined symbol missing`,
		`a.s:4:2: unknown instruction bogus`,
		`a.s:5:18: value 1000 out of range`,
		`a.s:7:7: undefined symbol secret`,
		`a.s:9:9: unterminated string`,
		`b.s:7:16: scale must be`,
		`b.s:8:8: undefined symbol missing2`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("error %d = %q, want prefix %q", i, got[i], w)
		}
	}
	// The combined message is one error per line.
	if msg := err.Error(); strings.Count(msg, "\n") != len(want)-1 || !strings.HasPrefix(msg, "a.s:2:2: ") {
		t.Errorf("Error() = %q", msg)
	}
}

func TestDuplicateGlobal(t *testing.T) {
	_, err := Assemble([]Source{
		{"a.s", []byte(".globl f\nf: ret\n")},
		{"b.s", []byte("nop\n.globl f\nf: ret\n")},
	}, Options{})
	got := errorsOf(t, err)
	if len(got) != 1 || got[0] != "b.s:3:1: duplicate global symbol f (also defined at a.s:2:1)" {
		t.Errorf("got %q", got)
	}
}

func TestUndefinedEntry(t *testing.T) {
	_, err := Assemble([]Source{{"a.s", []byte("f: ret\n")}}, Options{Entry: "main"})
	got := errorsOf(t, err)
	if len(got) != 1 || got[0] != "entry symbol main is not defined" {
		t.Errorf("got %q", got)
	}
}

// chain defines a0 = 1 and each a(i) = a(i-1) + a(i-1): a tree of 2^n
// leaves in n lines.
func chain(n int) string {
	var b strings.Builder
	b.WriteString("a0 = 1\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "a%d = a%d + a%d\n", i, i-1, i-1)
	}
	return b.String()
}
