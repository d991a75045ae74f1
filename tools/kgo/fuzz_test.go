package kgo

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzCompile feeds arbitrary source to the compiler: it may reject it, but
// must never panic (Compile turns a panic into an "internal compiler error",
// which this test treats as a failure).
func FuzzCompile(f *testing.F) {
	for _, dir := range []string{"testdata/run", "testdata/errors", "testdata/golden"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Add("package p\nfunc f() { var x [3]int; _ = x[len(x)-1:] }")
	f.Fuzz(func(t *testing.T, src string) {
		_, err := Compile([]File{{Name: "fuzz.go", Text: src}})
		if err != nil && strings.Contains(err.Error(), "internal compiler error") {
			t.Fatalf("%v\nsource:\n%s", err, src)
		}
	})
}

// TestIntrinsicsComplete checks that every function of kernel/hw has an
// inline expansion and every expansion a declaration.
func TestIntrinsicsComplete(t *testing.T) {
	b, err := os.ReadFile("../../kernel/hw/hw.go")
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "hw.go", b, 0)
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]bool{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.IsExported() && fd.Name.Name != "Source" {
			declared[fd.Name.Name] = true
			if _, ok := intrinsicTable()[fd.Name.Name]; !ok {
				t.Errorf("hw.%s has no inline expansion", fd.Name.Name)
			}
		}
	}
	for name := range intrinsicTable() {
		if !declared[name] {
			t.Errorf("expansion %s has no declaration in kernel/hw", name)
		}
	}
}

// BenchmarkCompileLargest compiles the largest differential test program.
func BenchmarkCompileLargest(b *testing.B) {
	files, _ := filepath.Glob("testdata/run/*.go")
	var largest string
	var size int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil && st.Size() > size {
			largest, size = f, st.Size()
		}
	}
	src, err := os.ReadFile(largest)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile([]File{{Name: largest, Text: string(src)}}); err != nil {
			b.Fatal(err)
		}
	}
}
