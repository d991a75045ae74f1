package kgo_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"v6vm/tools/kgo"
	"v6vm/v6vm"
)

// runVM compiles one test program and runs it bare metal, returning its
// console output and exit status.
func runVM(t testing.TB, file string) (string, int) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := kgo.Compile([]kgo.File{{Name: filepath.Base(file), Text: string(b)}})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	x, err := kgo.Link(prog)
	if err != nil {
		t.Fatalf("link: %v", err)
	}
	var out bytes.Buffer
	m := v6vm.New(v6vm.Config{Console: &out, MaxInstructions: 50_000_000})
	if err := m.Load(x); err != nil {
		t.Fatal(err)
	}
	status, err := m.Run()
	if err != nil {
		t.Fatalf("machine: %v\noutput so far:\n%s", err, out.String())
	}
	return out.String(), status
}

func TestTryRun(t *testing.T) {
	out, st := runVM(t, "testdata/run/basic.go")
	t.Logf("%q %d", out, st)
}
