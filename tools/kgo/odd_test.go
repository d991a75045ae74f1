package kgo

import (
	"strings"
	"testing"
)

// TestOddPrograms compiles valid but unusual programs that once were or
// could be crash risks; each must compile, or fail with a positioned error,
// never an internal error.
func TestOddPrograms(t *testing.T) {
	srcs := []string{
		"package p\nfunc _() {}\nfunc (T) _() {}\ntype T struct{}\nvar _ = 1\nconst _ = iota\ntype _ struct{}",
		"package p\nimport \"v6vm/kernel/hw\"\nfunc f() { (hw.Cli)(); var s [2]uintptr; (hw.SaveU)(&s) }",
		"package p\ntype T struct{ a, b int }\nfunc (t T) M() int { return t.a }\nfunc f() int { return T.M(T{}) }",
		"package p\nfunc f() { L: for { break L }; goto M; M: }",
		"package p\nvar a, b = 1, 2\nvar c [3]struct{ x [2]int8 }\nfunc f() int { return a + b + int(c[1].x[1]) }",
		"package p\nfunc f() (x int) { defer func() {}(); return }",
		"package p\nfunc f() { var x interface{}; _ = x }",
		"package p\nfunc f(p *[3]int) int { s := 0; for i, v := range p { s += i * v }; return s + len(p) }",
		"package p\ntype S string\nfunc f(s S) byte { return s[0] }\nconst c S = \"x\"\nvar g = c",
		"package p\nfunc f() bool { var a, b [2]struct{ s string }; return a == b }",
		"package p\nfunc f(x int) int { switch { default: return x } }",
		"package p\nfunc f() { for i := range 3 { switch i { case 1: continue }; _ = i } }",
		"package p\nimport \"unsafe\"\nfunc f() unsafe.Pointer { return unsafe.Pointer(uintptr(0x1000)) }",
		"package p\nfunc f() int { x := 1; x, y := 2, x; return x + y }",
		"package p\ntype E struct{}\nfunc f() E { return E{} }\nfunc g() { _ = f(); var e E = f(); _ = e }",
		"package p\nfunc f(b bool) int { if !b == true { return 1 }; return 0 }",
	}
	for i, src := range srcs {
		_, err := Compile([]File{{Name: "odd.go", Text: src}})
		if err != nil && (strings.Contains(err.Error(), "internal compiler error") || !strings.Contains(err.Error(), "odd.go:")) {
			t.Errorf("program %d: %v\n%s", i, err, src)
		}
	}
}

// TestCompileHonoursBuildTags: a host-only file is left out by Compile too,
// so callers that pass every file of a directory (the system build) agree
// with CompileDir.
func TestCompileHonoursBuildTags(t *testing.T) {
	out, err := Compile([]File{
		{Name: "k.go", Text: "//go:build v6vm\n\npackage p\n\nfunc which() int { return 1 }\n"},
		{Name: "h.go", Text: "//go:build !v6vm\n\npackage p\n\nfunc which() int { return 2 }\n"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.Asm, "mov eax, 1") || strings.Contains(out.Asm, "mov eax, 2") {
		t.Errorf("wrong file chosen:\n%s", out.Asm)
	}
	if _, err := Compile([]File{{Name: "h.go", Text: "//go:build !v6vm\n\npackage p\n"}}); err == nil {
		t.Error("no error when every file is excluded")
	}
}
