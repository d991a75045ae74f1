package kgo_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
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

// runHost builds file for GOARCH=386 (32-bit int, like ours) and runs it,
// returning everything it wrote (print/println go to standard error) and
// its exit status. sem bounds concurrent builds to the CPUs.
func runHost(t *testing.T, goTool, file string, sem chan struct{}) (string, int) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "prog")
	sem <- struct{}{}
	cmd := exec.Command(goTool, "build", "-o", bin, file)
	cmd.Env = append(os.Environ(), "GOARCH=386", "CGO_ENABLED=0")
	msg, err := cmd.CombinedOutput()
	<-sem
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	var out bytes.Buffer
	run := exec.Command(bin)
	run.Stdout, run.Stderr = &out, &out
	err = run.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &ee):
		return out.String(), ee.ExitCode()
	}
	t.Fatalf("run: %v", err)
	return "", 0
}

// upToPanic cuts output after the first "panic: " line: Go goes on with a
// goroutine trace that a bare-metal runtime has no business imitating.
func upToPanic(s string) string {
	i := strings.Index(s, "panic: ")
	if i < 0 {
		return s
	}
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return s[:i+j+1]
	}
	return s
}

// TestDifferential runs every program in testdata/run on the host (the
// oracle: gc for 386) and on the VM, and requires identical output and exit
// status.
func TestDifferential(t *testing.T) {
	files, _ := filepath.Glob("testdata/run/*.go")
	if len(files) < 50 {
		t.Fatalf("only %d differential programs; want at least 50", len(files))
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	sem := make(chan struct{}, runtime.NumCPU())
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".go"), func(t *testing.T) {
			t.Parallel()
			want, wantStatus := runHost(t, goTool, f, sem)
			got, status := runVM(t, f)
			if upToPanic(got) != upToPanic(want) || status != wantStatus {
				t.Errorf("VM (status %d):\n%s\nhost (status %d):\n%s", status, got, wantStatus, want)
			}
		})
	}
}
