package userland_test

// Tests of the C library that only make sense under our kernel: how many
// writes printf makes, the signal trampoline's register discipline, the
// exec search path; and a benchmark of compiling the library.

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"v6vm/asm"
	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/v6vm"
	"v6vm/v6vm/exe"
	"v6vm/v6vm/isa"
)

// buildV6Files compiles testdata/v6 files into one program.
func buildV6Files(t testing.TB, names ...string) *exe.File {
	t.Helper()
	var srcs []asm.Source
	for _, n := range names {
		p := "testdata/v6/" + n
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, asm.Source{Name: p, Text: b})
	}
	prog, err := build.UserC(root, srcs...)
	if err != nil {
		t.Fatalf("building %v: %v", names, err)
	}
	return prog
}

// runFiles boots with init running /prog and the given extra programs.
func runFiles(t *testing.T, prog *exe.File, extra []build.BootFile, opt boot.Options) (string, *boot.Result) {
	t.Helper()
	kernel, initProg := system(t)
	var out bytes.Buffer
	opt.Console = &out
	if opt.MaxInstructions == 0 {
		opt.MaxInstructions = 400_000_000
	}
	files := append([]build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/prog", Exe: prog}}, extra...)
	r, _, err := boot.Run(kernel, build.BootConfig{Cmdline: "/init /prog", Files: files}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != boot.Program {
		t.Fatalf("run: %v; console:\n%s\nlog:\n%s%s", r, out.String(), r.Log, r.Backtrace)
	}
	return out.String(), r
}

// TestOneWritePerCall counts the write system calls to fd 1: every
// printf, puts, putchar, fprintf and fputs is exactly one, carrying the
// whole output of the call (V6++'s stdio, which the fork demos rely on).
func TestOneWritePerCall(t *testing.T) {
	t.Parallel()
	prog := buildV6Files(t, "onewrite.c")
	var lengths []uint32
	hooks := v6vm.Hooks{Trap: func(m *v6vm.Machine, ti v6vm.TrapInfo) {
		if ti.Vector == 0x80 && ti.FromUser && m.R[isa.EAX] == 4 && m.R[isa.EBX] == 1 {
			lengths = append(lengths, m.R[isa.EDX])
		}
	}}
	out, r := runFiles(t, prog, nil, boot.Options{Hooks: hooks})
	if r.ExitCode() != 0 {
		t.Fatalf("exit code %d; console:\n%s", r.ExitCode(), out)
	}
	want := []uint32{22, 900, 5, 1, 6, 3, 16}
	if fmt.Sprint(lengths) != fmt.Sprint(want) {
		t.Errorf("writes to fd 1 of lengths %v, want %v (one per call)\nconsole:\n%s", lengths, want, out)
	}
}

// TestInterleavedLinesStayWhole runs a parent and a child that print at
// the same time, under several seeds: every console line must be one
// whole printf, each process's lines in order; and some seed must
// actually interleave them, or the test would prove nothing.
func TestInterleavedLinesStayWhole(t *testing.T) {
	t.Parallel()
	prog := buildV6Files(t, "interleave.c")
	line := regexp.MustCompile(`^(parent|child ) +(\d+): the quick brown fox jumps over the lazy dog +(\d+)$`)
	interleaved := 0
	for seed := uint64(1); seed <= 4; seed++ {
		out, r := runFiles(t, prog, nil, boot.Options{Seed: seed})
		if r.ExitCode() != 0 {
			t.Fatalf("seed %d: exit code %d", seed, r.ExitCode())
		}
		next := map[string]int{}
		switches := 0
		last := ""
		for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			m := line.FindStringSubmatch(l)
			if m == nil || m[2] != m[3] {
				t.Fatalf("seed %d: line %d is not one whole printf: %q", seed, i+1, l)
			}
			n, _ := strconv.Atoi(m[2])
			if n != next[m[1]] {
				t.Fatalf("seed %d: line %d: %s line %d, want %d", seed, i+1, m[1], n, next[m[1]])
			}
			next[m[1]]++
			if last != "" && m[1] != last {
				switches++
			}
			last = m[1]
		}
		if next["parent"] != 150 || next["child "] != 150 {
			t.Fatalf("seed %d: %d parent and %d child lines, want 150 each", seed, next["parent"], next["child "])
		}
		if switches > 1 {
			interleaved++
		}
	}
	if interleaved == 0 {
		t.Errorf("no seed interleaved parent and child output")
	}
}

// TestSignalTrampoline: handlers run through __sigtramp do not disturb
// the interrupted code's registers or flags, whether the signal comes on
// the way out of a system call or lands asynchronously in a loop.
func TestSignalTrampoline(t *testing.T) {
	t.Parallel()
	prog := buildV6Files(t, "sigregs.c", "sigregs.s")
	out, r := runFiles(t, prog, nil, boot.Options{})
	want := "selfsig: check 0, handled 1\nspin: exited 1 status 5\n"
	if out != want || r.ExitCode() != 0 {
		t.Errorf("console:\n%s\nwant:\n%s(status 100 means corrupted registers)", out, want)
	}
}

// TestExecvpSearch: a name without a slash is looked up in "/" and then
// "/bin".
func TestExecvpSearch(t *testing.T) {
	t.Parallel()
	prog := buildV6Files(t, "execvp.c")
	path := buildV6Files(t, "pathprog.c")
	out, r := runFiles(t, prog, []build.BootFile{{Name: "/bin/pathprog", Exe: path}, {Name: "/rootprog", Exe: path}}, boot.Options{})
	want := "pathprog: pathprog via execvp\npathprog: rootprog via execlp\nnowhere: No such file or directory\n"
	if out != want || r.ExitCode() != 0 {
		t.Errorf("console:\n%s\nwant:\n%s", out, want)
	}
}

// BenchmarkCompileLibc compiles the whole C library and a program and
// links them, without the compile cache build keeps (each round changes
// the sources by a comment).
func BenchmarkCompileLibc(b *testing.B) {
	prog, err := os.ReadFile("testdata/libc/malloc_churn.c")
	if err != nil {
		b.Fatal(err)
	}
	var total time.Duration
	for i := 0; i < b.N; i++ {
		src := &stampFS{stamp: fmt.Sprintf("\n/* round %d %d */\n", i, time.Now().UnixNano())}
		start := time.Now()
		if _, err := build.UserC(src, asm.Source{Name: "prog.c", Text: append(prog, src.stamp...)}); err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/build")
}

// stampFS is the source tree with a comment appended to every C file in
// userland/lib, so build's compile cache (keyed by content) misses.
type stampFS struct{ stamp string }

func (s *stampFS) Open(name string) (fs.File, error) { return root.Open(name) }

func (s *stampFS) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(root, name)
	if err == nil && strings.HasPrefix(name, "userland/lib/") && strings.HasSuffix(name, ".c") {
		b = append(b, s.stamp...)
	}
	return b, err
}

func (s *stampFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(root, name) }

// TestMallocExhaustion: malloc fails cleanly when the kernel refuses to
// grow the break, and freeing everything makes the memory usable again.
func TestMallocExhaustion(t *testing.T) {
	t.Parallel()
	out, r := runFiles(t, buildV6Files(t, "oom.c"), nil, boot.Options{})
	want := "ran out: 1, errno ENOMEM 1\none block of it all: 1\nagain: 1\n"
	if out != want || r.ExitCode() != 0 {
		t.Errorf("console:\n%s\nwant:\n%s", out, want)
	}
}
