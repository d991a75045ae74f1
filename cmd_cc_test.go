package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCCBuildsAndRuns compiles a C program with the runtime of cc's tests,
// runs the executable bare-metal with 'v6vm exec' and checks its output.
func TestCCBuildsAndRuns(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(dir, "p.c")
	src := "#include <stdio.h>\n#ifndef WHO\n#define WHO \"cc\"\n#endif\nint main(void) { printf(\"hi from %s %d\\n\", WHO, 6 * 7); return 5; }\n"
	if err := os.WriteFile(prog, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "p.out")
	rt := "tools/cc/testdata/rt/"
	status, _ := runCaptured(t, "cc", "--nostdlib", "-I", "tools/cc/testdata/include", "-o", exe, rt+"start.s", rt+"libc.c", prog)
	if status != 0 {
		t.Fatalf("v6vm cc: status %d", status)
	}
	status, out := runCaptured(t, "exec", exe)
	if status != 5 || out != "hi from cc 42\n" {
		t.Errorf("exec: status %d, output %q; want 5, \"hi from cc 42\\n\"", status, out)
	}

	status, out = runCaptured(t, "cc", "-E", "-D", "WHO=\"D\"", "-I", "tools/cc/testdata/include", prog)
	if status != 0 || !strings.Contains(out, "int printf(const char *fmt, ...);") || !strings.Contains(out, `printf("hi from %s %d\n", "D", 6 * 7);`) {
		t.Errorf("cc -E: status %d, output:\n%s", status, out)
	}

	asmFile := filepath.Join(dir, "p.s")
	status, _ = runCaptured(t, "cc", "-S", "-I", "tools/cc/testdata/include", "-o", asmFile, prog)
	text, err := os.ReadFile(asmFile)
	if status != 0 || err != nil || !strings.Contains(string(text), "main:") || !strings.Contains(string(text), ".loc 5") {
		t.Errorf("cc -S: status %d, %v, assembly:\n%s", status, err, text)
	}
}

func TestCCAssemblyToStdout(t *testing.T) {
	prog := filepath.Join(t.TempDir(), "f.c")
	if err := os.WriteFile(prog, []byte("int f(int a) { return a + 1; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	status, out := runCaptured(t, "cc", "-S", "-o", "-", prog)
	if status != 0 || !strings.Contains(out, "f:\n") || !strings.Contains(out, "leave\n\tret") {
		t.Errorf("cc -S -o -: status %d, output:\n%s", status, out)
	}
}

func TestCCReportsErrors(t *testing.T) {
	prog := filepath.Join(t.TempDir(), "bad.c")
	if err := os.WriteFile(prog, []byte("int main(void) { return x; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if status, _ := runCaptured(t, "cc", "-S", "-o", os.DevNull, prog); status != 1 {
		t.Errorf("status %d for a program with an error, want 1", status)
	}
}
