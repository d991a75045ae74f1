package kgo_test

import (
	"bytes"
	"testing"

	"v6vm/tools/kgo"
	"v6vm/v6vm"
)

// runDir compiles a package directory bare metal and runs it.
func runDir(t *testing.T, dir string) (string, int) {
	t.Helper()
	x, err := kgo.BareMetal(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	m := v6vm.New(v6vm.Config{Console: &out, MaxInstructions: 10_000_000})
	if err := m.Load(x); err != nil {
		t.Fatal(err)
	}
	status, err := m.Run()
	if err != nil {
		t.Fatalf("machine: %v\n%s", err, out.String())
	}
	return out.String(), status
}

// TestFrames checks the SaveU/RetU + `return 1` trick that NewProc/Swtch
// depend on: the inline expansions act on the calling function's frame.
func TestFrames(t *testing.T) {
	out, status := runDir(t, "testdata/baremetal/frames")
	want := "newProc returned 1 5\nnewProc marker 77\nnewProc returned 0 5\nebp nonzero true\n"
	if out != want || status != 0 {
		t.Errorf("got status %d, output:\n%s\nwant:\n%s", status, out, want)
	}
}

// TestAssemblyRoutine links a body-less Go function to its .s definition in
// a multi-file package, with a call back into Go.
func TestAssemblyRoutine(t *testing.T) {
	out, status := runDir(t, "testdata/baremetal/asmcall")
	// addAsm(a, b) = 3a + b - 2a = a + b; twice(x) = 3x - x.
	if want := "42 -6\n"; out != want || status != 0 {
		t.Errorf("got status %d, output %q, want %q", status, out, want)
	}
}

// TestIntrinsics runs the hw intrinsics on the machine.
func TestIntrinsics(t *testing.T) {
	out, status := runDir(t, "testdata/baremetal/intrinsics")
	want := "kernel!\n101 45 45 108\ntrue true 0\ntrue 7\nIF true false\ncr3 20480 paging 0\nebp saved true true\n"
	if out != want || status != 0 {
		t.Errorf("got status %d, output:\n%s\nwant:\n%s", status, out, want)
	}
}

// TestBuildTags checks that CompileDir honours //go:build with the v6vm tag.
func TestBuildTags(t *testing.T) {
	if out, _ := runDir(t, "testdata/baremetal/buildtags"); out != "v6vm\n" {
		t.Errorf("got %q, want the v6vm-tagged file", out)
	}
}
