package main

import (
	"os"
	"path/filepath"
	"testing"

	"v6vm/asm"
)

// TestExecCommand runs the end-to-end bare-metal program through
// `v6vm exec`: the console must reach standard output and the power-off
// status must become the exit status.
func TestExecCommand(t *testing.T) {
	src, err := os.ReadFile("v6vm/testdata/e2e_user.s")
	if err != nil {
		t.Fatal(err)
	}
	f, err := asm.Assemble([]asm.Source{{Name: "e2e_user.s", Text: src}}, asm.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	prog := filepath.Join(dir, "e2e.exe")
	if err := os.WriteFile(prog, f.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}

	stdout, err := os.Create(filepath.Join(dir, "stdout"))
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = stdout
	status := run([]string{"exec", "--max-instructions", "1000000", prog})
	os.Stdout = saved
	stdout.Close()
	out, err := os.ReadFile(stdout.Name())
	if err != nil {
		t.Fatal(err)
	}
	want := "hello from user mode\nregisters intact\nticks: 5\n"
	if status != 3 || string(out) != want {
		t.Errorf("v6vm exec = status %d, output %q; want 3, %q", status, out, want)
	}

	// A machine that stops without powering off exits 1.
	if status := run([]string{"exec", "--max-instructions", "100", prog}); status != 1 {
		t.Errorf("v6vm exec with an instruction limit hit = status %d, want 1", status)
	}
}
