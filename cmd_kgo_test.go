package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKgoRun runs a Go-subset program bare metal with 'v6vm kgo --run': its
// console output is the command's output and a panic is exit status 2.
func TestKgoRun(t *testing.T) {
	dir := t.TempDir()
	src := "package main\n\nfunc main() {\n\tvar a [3]int\n\ti := 2\n\tprintln(\"hi from kgo\", 6*7)\n\ta[i+1] = 1\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	status, out := runCaptured(t, "kgo", "--run", dir)
	want := "hi from kgo 42\npanic: runtime error: index out of range [3] with length 3\n"
	if status != 2 || out != want {
		t.Errorf("kgo --run: status %d, output %q; want 2, %q", status, out, want)
	}
	asmFile := filepath.Join(dir, "main.s")
	status, _ = runCaptured(t, "kgo", "-o", asmFile, dir)
	text, err := os.ReadFile(asmFile)
	if status != 0 || err != nil || !strings.Contains(string(text), "\t; 6: println(\"hi from kgo\", 6*7)\n\t.loc 6\n") {
		t.Errorf("kgo -o: status %d, %v, assembly:\n%s", status, err, text)
	}
}

// TestKgoReportsErrors: every error, then exit status 1.
func TestKgoReportsErrors(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\nfunc f() { go f(); defer f() }\n"
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if status, _ := runCaptured(t, "kgo", "-o", os.DevNull, dir); status != 1 {
		t.Errorf("status %d for a package with errors, want 1", status)
	}
}
