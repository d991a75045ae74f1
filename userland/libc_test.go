package userland_test

// Differential tests of the C library: every program in testdata/libc is
// compiled by the host gcc against glibc and run natively, and compiled
// by tools/cc against our library and run under our kernel; the two must
// print the same and exit with the same status. The expected output is
// always gcc's, never a recording of our own run. Our console carries
// both stdout and stderr, so the gcc program's two streams go to one pipe
// too; programs that write to stderr make stdout unbuffered (setbuf) so
// glibc keeps the order.
//
// A program may start with comment lines that configure its run:
//
//	// args: a b c      arguments after the program name
//	// input: text      a line of standard input (repeatable; \n added)
//
// With input, the console also shows the kernel's echo of it; the
// programs read all their input before writing, so the echo is a prefix
// of the console output and is checked and removed.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"v6vm/asm"
	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/v6vm/exe"
)

var root = os.DirFS("..")

var (
	sysOnce   sync.Once
	kernelExe *exe.File
	initExe   *exe.File
	sysErr    error
)

// system builds the kernel and init once per test binary.
func system(t testing.TB) (*exe.File, *exe.File) {
	t.Helper()
	sysOnce.Do(func() {
		kernelExe, sysErr = build.Kernel(root)
		if sysErr != nil {
			sysErr = fmt.Errorf("building the kernel: %w", sysErr)
			return
		}
		initExe, sysErr = build.UserProgram(root, "init")
		if sysErr != nil {
			sysErr = fmt.Errorf("building init: %w", sysErr)
		}
	})
	if sysErr != nil {
		t.Fatal(sysErr)
	}
	return kernelExe, initExe
}

// config is what a program's header comments ask for.
type config struct {
	args  []string
	input string
}

func parseConfig(src []byte) config {
	var c config
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "//") {
			break
		}
		line = strings.TrimSpace(strings.TrimPrefix(line, "//"))
		if v, ok := strings.CutPrefix(line, "args:"); ok {
			c.args = strings.Fields(v)
		} else if v, ok := strings.CutPrefix(line, "input:"); ok {
			c.input += strings.TrimPrefix(v, " ") + "\n"
		}
	}
	return c
}

// runGCC compiles file with the host gcc, runs it and returns its output
// and exit code (128+signal for a signal death, as a shell reports it).
func runGCC(t *testing.T, file string, c config) (string, int) {
	t.Helper()
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		t.Skip("gcc not found: the differential libc tests need a host C compiler")
	}
	bin := filepath.Join(t.TempDir(), "prog")
	if msg, err := exec.Command(gcc, "-std=gnu99", "-w", "-O0", "-o", bin, file).CombinedOutput(); err != nil {
		t.Fatalf("gcc %s: %v\n%s", file, err, msg)
	}
	cmd := exec.Command(bin, c.args...)
	cmd.Stdin = strings.NewReader(c.input)
	cmd.Env = []string{}
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &ee):
		ws := ee.Sys().(syscall.WaitStatus)
		if ws.Signaled() {
			return out.String(), 128 + int(ws.Signal())
		}
		return out.String(), ws.ExitStatus()
	}
	t.Fatalf("running %s: %v", file, err)
	return "", 0
}

// buildV6 compiles a C program with tools/cc and the C library.
func buildV6(t testing.TB, name string, src []byte) *exe.File {
	t.Helper()
	prog, err := build.UserC(root, asm.Source{Name: name, Text: src})
	if err != nil {
		t.Fatalf("cc %s: %v", name, err)
	}
	return prog
}

// runV6 runs prog under our kernel (init runs it, as `v6vm run` does) and
// returns the console output and the exit code.
func runV6(t testing.TB, prog *exe.File, c config, seed uint64) (string, int) {
	t.Helper()
	kernel, initProg := system(t)
	cmdline := strings.Join(append([]string{"/init", "/prog"}, c.args...), " ")
	var out bytes.Buffer
	input := []byte(c.input)
	if len(input) > 0 {
		input = append(input, 4) // ^D: end of file
	}
	r, _, err := boot.Run(kernel, build.BootConfig{
		Cmdline: cmdline,
		Files:   []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/prog", Exe: prog}},
	}, boot.Options{Console: &out, Input: input, Seed: seed, MaxInstructions: 400_000_000})
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != boot.Program {
		t.Fatalf("run: %v; console:\n%s\nlog:\n%s%s", r, out.String(), r.Log, r.Backtrace)
	}
	return out.String(), r.ExitCode()
}

func TestLibcDifferential(t *testing.T) {
	files, err := filepath.Glob("testdata/libc/*.c")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no programs in testdata/libc")
	}
	system(t)
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".c")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c := parseConfig(src)
			want, wantCode := runGCC(t, file, c)
			got, code := runV6(t, buildV6(t, file, src), c, 1)
			if c.input != "" {
				echo := c.input
				if !strings.HasPrefix(got, echo) {
					t.Fatalf("console does not start with the echoed input %q:\n%s", echo, got)
				}
				got = got[len(echo):]
			}
			if got != want {
				t.Errorf("stdout differs\n--- gcc\n%s\n--- cc on v6vm\n%s\n--- diff\n%s", want, got, firstDiff(want, got))
			}
			if code != wantCode {
				t.Errorf("exit code %d, gcc's program exited with %d", code, wantCode)
			}
		})
	}
}

// firstDiff describes the first line where want and got differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("line %d:\n gcc: %q\n ours: %q", i+1, wl, gl)
		}
	}
	return "(same lines)"
}
