package cc_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"v6vm/asm"
	"v6vm/tools/cc"
	"v6vm/v6vm"
)

// Differential tests: each testdata/run/*.c program must print the same and
// exit with the same status compiled by the host gcc and run natively, and
// compiled by cc and run bare-metal on the VM with testdata/rt's runtime.

var ccConfig = &cc.Config{IncludeDirs: []string{"testdata/include"}}

// buildVM compiles the C files with cc and links them with the runtime.
func buildVM(t *testing.T, files ...string) []asm.Source {
	return buildVMWith(t, ccConfig, files...)
}

func buildVMWith(t *testing.T, cfg *cc.Config, files ...string) []asm.Source {
	t.Helper()
	start, err := os.ReadFile("testdata/rt/start.s")
	if err != nil {
		t.Fatal(err)
	}
	srcs := []asm.Source{{Name: "testdata/rt/start.s", Text: start}}
	for _, f := range append([]string{"testdata/rt/libc.c"}, files...) {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, err := cc.Compile(cfg, f, string(text))
		if err != nil {
			t.Fatalf("cc %s:\n%v", f, err)
		}
		srcs = append(srcs, asm.Source{Name: strings.TrimSuffix(f, ".c") + ".s", Text: []byte(s)})
	}
	return srcs
}

// runVM runs a program bare-metal and returns its console output and status.
func runVM(t *testing.T, srcs []asm.Source) (string, int) {
	t.Helper()
	x, err := asm.Assemble(srcs, asm.Options{})
	if err != nil {
		t.Fatalf("assemble: %v", err)
	}
	var out bytes.Buffer
	m := v6vm.New(v6vm.Config{Console: &out, MaxInstructions: 50_000_000})
	if err := m.Load(x); err != nil {
		t.Fatal(err)
	}
	status, err := m.Run()
	if err != nil {
		t.Fatalf("machine stopped: %v\noutput so far:\n%s", err, out.String())
	}
	return out.String(), status
}

// runGCC compiles the program with the host gcc and runs it.
func runGCC(t *testing.T, files ...string) (string, int) {
	t.Helper()
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		t.Skip("gcc not found: the differential tests need a host C compiler")
	}
	bin := filepath.Join(t.TempDir(), "prog")
	cmd := exec.Command(gcc, append([]string{"-std=gnu99", "-w", "-O0", "-o", bin}, files...)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gcc %s: %v\n%s", files, err, msg)
	}
	var out bytes.Buffer
	run := exec.Command(bin)
	run.Stdout = &out
	err = run.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return out.String(), run.ProcessState.ExitCode()
}

// programs lists the test programs: each testdata/run/*.c file, and each
// directory there with all its .c files.
func programs(t *testing.T) map[string][]string {
	entries, err := os.ReadDir("testdata/run")
	if err != nil {
		t.Fatal(err)
	}
	progs := map[string][]string{}
	for _, e := range entries {
		path := filepath.Join("testdata/run", e.Name())
		if e.IsDir() {
			progs[e.Name()], _ = filepath.Glob(filepath.Join(path, "*.c"))
		} else if strings.HasSuffix(e.Name(), ".c") {
			progs[e.Name()] = []string{path}
		}
	}
	return progs
}

func TestRun(t *testing.T) {
	progs := programs(t)
	if len(progs) == 0 {
		t.Fatal("no testdata/run programs")
	}
	for name, files := range progs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, wantStatus := runGCC(t, files...)
			// Both the plain code (the default) and cc -O must agree.
			for _, optimize := range []bool{false, true} {
				cfg := *ccConfig
				cfg.Optimize = optimize
				got, status := runVM(t, buildVMWith(t, &cfg, files...))
				if got != want {
					t.Errorf("optimize=%v: output differs\n--- gcc\n%s\n--- cc on v6vm\n%s", optimize, want, got)
				}
				if status&0xFF != wantStatus {
					t.Errorf("optimize=%v: status %d, gcc's program exited with %d", optimize, status, wantStatus)
				}
			}
		})
	}
}
