package tests

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/tools/fs"
	"v6vm/tools/trace"
	"v6vm/v6vm/exe"
)

// The file system's system tests: C programs doing file I/O under the
// kernel, on a disk image made by tools/fs; where the program is portable,
// the same source compiled by the host's gcc and run in a temporary
// directory must print the same (the differential oracle). After every run
// that writes, fsck must find the image clean.

// diskImage formats a disk of size bytes (0: the default) with init and the
// named test programs in /bin... and at the root, as `v6vm run` does.
func diskImage(t testing.TB, size int, names ...string) []byte {
	t.Helper()
	system(t)
	progs := map[string]*exe.File{"/init": initProg}
	for _, n := range names {
		progs["/"+n] = program(t, n)
	}
	img, err := build.DiskImage(size, progs)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

type diskOpts struct {
	runOpts
	Disk     []byte // the image, written in place
	Latency  uint64
	Input    []byte
	NoBoot   bool // leave the programs out of the boot image: exec must use the disk
	AnyEnd   bool // do not insist that init reports the program's status
	TraceOut *bytes.Buffer
}

// runDisk boots with o.Disk and runs /name under init.
func runDisk(t testing.TB, name string, o diskOpts) run {
	t.Helper()
	system(t)
	var out, tr bytes.Buffer
	opt := boot.Options{Console: &out, Seed: o.Seed, MaxInstructions: o.Max, TickPeriod: o.Tick,
		TickJitter: o.Jitter, Disk: o.Disk, DiskLatency: o.Latency, Input: o.Input}
	if opt.MaxInstructions == 0 {
		opt.MaxInstructions = 1_000_000_000
	}
	if len(o.Events) > 0 {
		tracer, err := trace.NewTracer(kinfo, src, &tr, o.Events)
		if err != nil {
			t.Fatal(err)
		}
		opt.Hooks.IO = tracer.IO
	}
	cfg := build.BootConfig{Cmdline: strings.Join(append([]string{"/init", "/" + name}, o.Args...), " ")}
	if !o.NoBoot {
		cfg.Files = []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/" + name, Exe: program(t, name)}}
	}
	r, _, err := boot.Run(kernel, cfg, opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != boot.Program && !o.AnyEnd {
		t.Fatalf("%s: %v\nconsole:\n%s\nkernel log:\n%s%s", name, r, out.String(), r.Log, r.Backtrace)
	}
	return run{Out: out.String(), Trace: tr.String(), Result: r}
}

// fsckClean fails the test unless the image is consistent.
func fsckClean(t testing.TB, img []byte) *fs.Report {
	t.Helper()
	r := fs.Check(img)
	if !r.OK() {
		t.Fatalf("fsck:\n%s", r)
	}
	return r
}

// native compiles tests/progs/NAME.c with the host's gcc and runs it in a
// fresh directory; it skips the test without gcc.
func native(t *testing.T, name string, args ...string) string {
	t.Helper()
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		t.Skip("no gcc on this host: skipping the native half of the differential test")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, name)
	if out, err := exec.Command(gcc, "-w", "-o", bin, filepath.Join("progs", name+".c")).CombinedOutput(); err != nil {
		t.Fatalf("gcc: %v\n%s", err, out)
	}
	work := filepath.Join(dir, "root")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = work
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("native %s: %v\n%s", name, err, out)
	}
	return string(out)
}

// differential runs NAME under the kernel on a fresh disk and natively,
// and wants the same output and a clean disk.
func differential(t *testing.T, name string, args ...string) {
	img := diskImage(t, 0, name)
	got := runDisk(t, name, diskOpts{Disk: img, runOpts: runOpts{Args: args}})
	if got.Result.ExitCode() != 0 {
		t.Errorf("%s exited %d under the kernel", name, got.Result.ExitCode())
	}
	fsckClean(t, img)
	want := native(t, name, args...)
	if got.Out != want {
		t.Errorf("%s: the kernel and the host differ\n--- kernel\n%s--- host\n%s", name, got.Out, want)
	}
}

func TestFSBasic(t *testing.T) { differential(t, "fs_basic") }
