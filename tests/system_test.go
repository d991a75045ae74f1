// Package tests holds whole-system tests: they boot the kernel on the
// machine, run C programs under init, and check what the programs print,
// their exit statuses and the kernel's traces.
package tests

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"

	"v6vm/asm"
	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/tools/trace"
	"v6vm/v6vm/exe"
)

var src = os.DirFS("..")

var (
	sysOnce  sync.Once
	kernel   *exe.File
	initProg *exe.File
	kinfo    *trace.Kernel
	sysErr   error
)

// system builds the kernel and init once per test binary.
func system(t testing.TB) {
	t.Helper()
	sysOnce.Do(func() {
		if kernel, sysErr = build.Kernel(src); sysErr != nil {
			return
		}
		if initProg, sysErr = build.UserProgram(src, "init"); sysErr != nil {
			return
		}
		kinfo, sysErr = trace.NewKernel(src, kernel)
	})
	if sysErr != nil {
		t.Fatalf("building the system: %v", sysErr)
	}
}

var progCache sync.Map // name -> *exe.File

// program compiles tests/progs/NAME.c (once).
func program(t testing.TB, name string) *exe.File {
	t.Helper()
	if f, ok := progCache.Load(name); ok {
		return f.(*exe.File)
	}
	path := "tests/progs/" + name + ".c"
	text, err := os.ReadFile("progs/" + name + ".c")
	if err != nil {
		t.Fatal(err)
	}
	f, err := build.UserC(src, asm.Source{Name: path, Text: text})
	if err != nil {
		t.Fatalf("compiling %s: %v", path, err)
	}
	progCache.Store(name, f)
	return f
}

// run is one run of a program under the kernel.
type run struct {
	Out    string       // the console
	Trace  string       // the kernel trace, if events were asked for
	Result *boot.Result // how it ended
}

type runOpts struct {
	Seed   uint64
	Events []string
	Args   []string
	Tick   uint32
	Jitter uint32
	Max    uint64
	COW    bool
}

func runProg(t testing.TB, name string, o runOpts) run {
	t.Helper()
	system(t)
	prog := program(t, name)
	var out, tr bytes.Buffer
	opt := boot.Options{Console: &out, Seed: o.Seed, MaxInstructions: o.Max, TickPeriod: o.Tick, TickJitter: o.Jitter, COW: o.COW}
	if opt.MaxInstructions == 0 {
		opt.MaxInstructions = 500_000_000
	}
	if len(o.Events) > 0 {
		tracer, err := trace.NewTracer(kinfo, src, &tr, o.Events)
		if err != nil {
			t.Fatal(err)
		}
		opt.Hooks.IO = tracer.IO
	}
	cfg := build.BootConfig{
		Cmdline: strings.Join(append([]string{"/init", "/" + name}, o.Args...), " "),
		Files:   []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/" + name, Exe: prog}},
	}
	r, _, err := boot.Run(kernel, cfg, opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != boot.Program {
		t.Fatalf("%s: %v\nconsole:\n%s\nkernel log:\n%s%s", name, r, out.String(), r.Log, r.Backtrace)
	}
	return run{Out: out.String(), Trace: tr.String(), Result: r}
}
