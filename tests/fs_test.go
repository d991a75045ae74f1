package tests

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/tools/fs"
	"v6vm/tools/trace"
	"v6vm/v6vm"
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
	COW      bool // copy-on-write fork
	AnyEnd   bool // do not insist that init reports the program's status
	TraceOut *bytes.Buffer
	Step     func(*v6vm.Machine) // called before every instruction (a profiler)
}

// runDisk boots with o.Disk and runs /name under init.
func runDisk(t testing.TB, name string, o diskOpts) run {
	t.Helper()
	system(t)
	var out, tr bytes.Buffer
	opt := boot.Options{Console: &out, Seed: o.Seed, MaxInstructions: o.Max, TickPeriod: o.Tick,
		TickJitter: o.Jitter, Disk: o.Disk, DiskLatency: o.Latency, Input: o.Input, COW: o.COW}
	opt.Hooks.Step = o.Step
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

func TestFSBig(t *testing.T)  { differential(t, "fs_big") }
func TestFSMany(t *testing.T) { differential(t, "fs_many") }
func TestFSPipe(t *testing.T) { differential(t, "fs_pipe") }

// TestExecEnvironment: execve, execv and execle pass environments (and
// argv) to the new image as on the host; a bad envp is EFAULT.
func TestExecEnvironment(t *testing.T) { differential(t, "envexec") }

// TestFSLimits: EMFILE after NOFILES descriptors, EFBIG at V6++'s largest
// file (6 + 2*128 + 2*128*128 blocks), a write across it cut short.
func TestFSLimits(t *testing.T) {
	img := diskImage(t, 0, "fs_limits")
	got := runDisk(t, "fs_limits", diskOpts{Disk: img})
	want := `opened 11 more, then errno 24
dup: -1 errno 24
write at the last byte: 1
size 16911360
write past it: -1 errno 27
write across it: 3
then: -1 errno 27
unlink: 0
`
	if got.Out != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.Out, want)
	}
	fsckClean(t, img)
}

// TestFSNoSpace fills a small disk: ENOSPC, nothing else damaged, the
// space given back by unlink.
func TestFSNoSpace(t *testing.T) {
	img := diskImage(t, (fs.DataStart+600)*fs.SectorSize, "fs_enospc")
	free := fsckClean(t, img).Free
	got := runDisk(t, "fs_enospc", diskOpts{Disk: img})
	r := fsckClean(t, img)
	if r.Free != free-1 {
		t.Errorf("%d blocks free at the end, want %d (all but keep's)", r.Free, free-1)
	}
	// The filler gets what keep left, less its index blocks: one for
	// blocks 6-133, one for 134-261, then past 261 a double-indirect block
	// and one indirect block per 128 data blocks; 512 bytes a block.
	index := func(d int) int {
		idx := 0
		for _, start := range []int{6, 134} {
			if d > start {
				idx++
			}
		}
		if d > 262 {
			idx += 1 + (d-262+127)/128
		}
		return idx
	}
	avail, data := free-1, 0
	for d := avail; d > 0 && data == 0; d-- {
		if d+index(d) <= avail {
			data = d
		}
	}
	want := fmt.Sprintf("filled %d bytes, then errno 28\n", data*512) + `creat on a full disk: 1
write to it: -1 errno 28
mkdir on a full disk: -1 errno 28
keep: precious data
after unlink: wrote 20000
`
	if got.Out != want {
		t.Errorf("got:\n%s\nwant:\n%s\nfsck: %s", got.Out, want, r)
	}
}

// TestFSPersist: files written and synced on one boot are there on the
// next boot of the same disk, and seen by the host's reader.
func TestFSPersist(t *testing.T) {
	img := diskImage(t, 0, "fs_persist")
	first := runDisk(t, "fs_persist", diskOpts{Disk: img, runOpts: runOpts{Args: []string{"write"}}})
	if first.Out != "written\n" {
		t.Fatalf("first boot: %q", first.Out)
	}
	fsckClean(t, img)
	m, err := fs.Open(img)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := m.ReadFile("/keep/alias"); err != nil || string(b) != "contents of file 0\n" {
		t.Errorf("host reads /keep/alias: %q, %v", b, err)
	}
	second := runDisk(t, "fs_persist", diskOpts{Disk: img, NoBoot: true, runOpts: runOpts{Seed: 7}})
	want := "contents of file 0\n/keep/file1: missing\ncontents of file 2\nalias: contents of file 0\n"
	if second.Out != want {
		t.Errorf("second boot: got\n%s\nwant\n%s", second.Out, want)
	}
	fsckClean(t, img)
}

// TestFSSleepsOnBuffers: reading a file makes the process sleep on the
// buffer at PRIBIO (-50) while the disk works, and another process — the
// child computing — runs meanwhile.
func TestFSSleepsOnBuffers(t *testing.T) {
	img := diskImage(t, 0, "fs_io")
	got := runDisk(t, "fs_io", diskOpts{Disk: img, Latency: 20000, runOpts: runOpts{Events: []string{"sleep", "swtch"}}})
	fsckClean(t, img)
	if !strings.Contains(got.Out, "read 100000 bytes") || !strings.Contains(got.Out, "child counted") {
		t.Fatalf("output:\n%s", got.Out)
	}
	lines := strings.Split(got.Trace, "\n")
	ran := false
	for i, l := range lines {
		if !strings.Contains(l, "sleep") || !strings.Contains(l, "at p_pri -50") || !strings.Contains(l, "fs_io") {
			continue
		}
		// Until the reader runs again, does the child run?
		for _, m := range lines[i+1:] {
			if strings.Contains(m, "swtch in") {
				ran = !strings.Contains(m, strings.Fields(l)[2])
				break
			}
		}
		if ran {
			break
		}
	}
	if !ran {
		t.Errorf("no sleep at p_pri -50 followed by another process running; trace:\n%.3000s", got.Trace)
	}
}

// TestFSCrash stops the machine part way through fs_many's writes (the
// power fails), at several points. fsck says precisely what is damaged,
// and the kernel boots the damaged disk again without panicking: it mounts
// it, or refuses it with a message.
func TestFSCrash(t *testing.T) {
	damaged := 0
	for _, workload := range [][]string{{"fs_many"}, {"fs_random", "x"}} {
		name := workload[0]
		full := runDisk(t, name, diskOpts{Disk: diskImage(t, 0, name), runOpts: runOpts{Args: workload[1:]}})
		for frac := uint64(5); frac < 100; frac += 10 {
			img := diskImage(t, 0, name, "fs_persist")
			stop := full.Result.Icount * frac / 100
			r := runDisk(t, name, diskOpts{Disk: img, AnyEnd: true, runOpts: runOpts{Max: stop, Args: workload[1:]}})
			if r.Result.Kind != boot.Stopped {
				t.Fatalf("%s stopped at %d%%: %v", name, frac, r.Result)
			}
			rep := fs.Check(img)
			if !rep.OK() {
				damaged++
			}
			for _, p := range rep.Problems {
				if !regexp.MustCompile(`^(inode \d+|block \d+|\d+ blocks neither|free list|superblock|/\S*)[: ]`).MatchString(p) {
					t.Errorf("%s %d%%: vague problem %q", name, frac, p)
				}
			}
			// Boot the damaged disk: write to it, then read.
			for _, arg := range []string{"write", "read"} {
				again := runDisk(t, "fs_persist", diskOpts{Disk: img, AnyEnd: true, runOpts: runOpts{Args: []string{arg}}})
				if again.Result.Kind != boot.Program {
					t.Fatalf("%s %d%%, fs_persist %s on the damaged disk: %v\n%s\n%s%s", name, frac, arg, again.Result, again.Out, again.Result.Log, again.Result.Backtrace)
				}
			}
			t.Logf("%s stopped at %d%%: %d problems, the first %.200s", name, frac, len(rep.Problems), strings.Join(rep.Problems, "; "))
		}
	}
	if damaged == 0 {
		t.Errorf("no stop damaged the file system: the test tests nothing")
	}
}

// TestFSGarbage: random bytes in the superblock are refused at mount with
// a message (the programs then come from the boot image); random bytes in
// the inodes give errors and messages, never a panic.
func TestFSGarbage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 4; i++ {
		img := diskImage(t, 0, "fs_persist")
		for j := fs.SuperSector * fs.SectorSize; j < (fs.SuperSector+2)*fs.SectorSize; j++ {
			img[j] = byte(rng.Uint32())
		}
		r := runDisk(t, "fs_persist", diskOpts{Disk: img})
		if !strings.Contains(r.Result.Log, "fs: cannot mount the root file system: bad superblock") {
			t.Errorf("superblock %d: log:\n%s", i, r.Result.Log)
		}
		if !strings.Contains(r.Out, "/keep/file0: missing") {
			t.Errorf("superblock %d: output:\n%s", i, r.Out)
		}
	}
	// The root inode destroyed: refused too.
	img := diskImage(t, 0, "fs_persist")
	for j := fs.InodeStart * fs.SectorSize; j < (fs.InodeStart+1)*fs.SectorSize; j++ {
		img[j] = byte(rng.Uint32())
	}
	r := runDisk(t, "fs_persist", diskOpts{Disk: img, AnyEnd: true})
	if r.Result.Kind != boot.Program || !strings.Contains(r.Result.Log, "fs: cannot mount the root file system") {
		t.Errorf("root inode: %v\n%s", r.Result, r.Result.Log)
	}
	// A file's inode garbled: reading it fails, the kernel says why.
	img = diskImage(t, 0, "fs_persist")
	runDisk(t, "fs_persist", diskOpts{Disk: img, runOpts: runOpts{Args: []string{"write"}}})
	m, _ := fs.Open(img)
	ino, _, err := m.Stat("/keep/file0")
	if err != nil {
		t.Fatal(err)
	}
	at := (fs.InodeStart+ino/fs.InodesPerSector)*fs.SectorSize + ino%fs.InodesPerSector*fs.InodeSize
	for j := at + 16; j < at+56; j++ { // d_addr
		img[j] = byte(rng.Uint32())
	}
	r = runDisk(t, "fs_persist", diskOpts{Disk: img, AnyEnd: true})
	if r.Result.Kind != boot.Program || !strings.Contains(r.Result.Log, "fs: bad block number") {
		t.Errorf("garbled inode: %v\n%s\nlog:\n%s", r.Result, r.Out, r.Result.Log)
	}
	if rep := fs.Check(img); rep.OK() || !strings.Contains(rep.String(), fmt.Sprintf("inode %d: block", ino)) {
		t.Errorf("fsck of the garbled inode %d:\n%s", ino, rep)
	}
}

// TestFSExec: programs run from the disk — the same file again, a copy
// written through the file system — and bad files fail with ENOEXEC or
// EACCES, leaving the caller running.
func TestFSExec(t *testing.T) {
	img := diskImage(t, 0, "fs_exec", "fs_quiet")
	got := runDisk(t, "fs_exec", diskOpts{Disk: img, NoBoot: true})
	want := `running as /fs_exec with self
running as /fs_exec with again
child status 3
running as /tmp/copy with copy
copy status 3
concurrent execs: 22 (2 of each ran: 22)
exec text: -1 errno 8
exec without x: -1 errno 13
exec a directory: -1 errno 13
exec missing: -1 errno 2
open a running program for writing: -1 errno 26
for reading: 1
mknod a directory: -1 errno 22
running as /fs_exec with last
`
	if got.Out != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.Out, want)
	}
	fsckClean(t, img)
}

// FuzzMount boots disks damaged by the fuzzer — in the superblock, the
// inodes, or the root directory's block — and runs a program that reads
// files. Whatever the damage, the kernel must not panic or hang: it
// refuses the disk, or gives errors.
func FuzzMount(f *testing.F) {
	f.Add(uint32(8), []byte{0xFF, 0xFF, 0, 0})                   // s_nfree
	f.Add(uint32(12), []byte{1, 0, 0, 0})                        // s_free[0]: a block in the boot area
	f.Add(uint32(1024+64+16), []byte{0x10, 0, 0, 0, 0xFF, 0xFF}) // the root inode's d_addr
	f.Add(uint32(1024+64), []byte{0, 0x80, 0, 0})                // the root inode's mode
	f.Add(uint32(1024+64+12), []byte{0xFF, 0xFF, 0xFF, 0x7F})    // the root's size
	f.Add(uint32(1024+128+4), []byte{0, 0, 0, 0})                // inode 2's link count
	f.Add(uint32(2048+300*512), []byte{0x99, 0x99, 0x99})        // an inode far in
	f.Fuzz(func(t *testing.T, off uint32, patch []byte) {
		img := diskImage(t, 0, "fs_persist")
		// off counts from the superblock, into the inodes. (Damaged
		// programs could loop in user mode, which is no kernel failure.)
		at := fs.SuperSector*fs.SectorSize + int(off)%((fs.DataStart-fs.SuperSector)*fs.SectorSize)
		copy(img[at:], patch)
		r := runDisk(t, "fs_persist", diskOpts{Disk: img, AnyEnd: true, runOpts: runOpts{Max: 300_000_000}})
		if r.Result.Kind == boot.Panic || r.Result.Kind == boot.Stopped {
			t.Fatalf("damage at %d (% x): %v\nconsole:\n%s\nlog:\n%s%s", at, patch, r.Result, r.Out, r.Result.Log, r.Result.Backtrace)
		}
	})
}

// TestFSDevTTY: /dev/tty and a node made by mknod reach the console.
func TestFSDevTTY(t *testing.T) {
	img := diskImage(t, 0, "fs_tty")
	got := runDisk(t, "fs_tty", diskOpts{Disk: img, Input: []byte("typed line\n")})
	for _, want := range []string{"written to /dev/tty\n", "char device 1, rdev 0, size 0\n", "lseek: -1 errno 29\n",
		"read 11: typed line\n", "stdout is a char device: 1\n", "mknod: 0\n", "and through /tmp/tty2\n"} {
		if !strings.Contains(got.Out, want) {
			t.Errorf("output lacks %q:\n%s", want, got.Out)
		}
	}
	fsckClean(t, img)
}

// TestFSShare: concurrent appends and a shared offset, under several
// seeds (other interleavings), against the host.
func TestFSShare(t *testing.T) {
	var outs []string
	for seed := uint64(0); seed < 5; seed++ {
		img := diskImage(t, 0, "fs_share")
		outs = append(outs, runDisk(t, "fs_share", diskOpts{Disk: img, runOpts: runOpts{Seed: seed}}).Out)
		fsckClean(t, img)
	}
	want := native(t, "fs_share")
	for seed, got := range outs {
		if got != want {
			t.Errorf("seed %d: the kernel and the host differ\n--- kernel\n%s--- host\n%s", seed, got, want)
		}
	}
}

// TestFSPeriodicFlush: a delayed write reaches the disk within a few
// kernel seconds without sync (the clock's flush, V6's update), so a
// power failure later does not lose it.
func TestFSPeriodicFlush(t *testing.T) {
	read := func(max uint64, args ...string) (string, *fs.Report) {
		img := diskImage(t, 0, "fs_flush")
		r := runDisk(t, "fs_flush", diskOpts{Disk: img, AnyEnd: true, runOpts: runOpts{Max: max, Tick: 10000, Jitter: 1, Args: args}})
		if r.Result.Kind != boot.Stopped {
			t.Fatalf("%v", r.Result)
		}
		m, err := fs.Open(img)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := m.ReadFile("/tmp/unsynced")
		return string(b), fs.Check(img)
	}
	// A kernel second is HZ = 120 ticks of 10,000 instructions; computing
	// or idle (sleep), the clock flushes the data and the superblock, so
	// that the disk is consistent.
	for _, args := range [][]string{nil, {"idle"}} {
		if got, rep := read(3*1_200_000, args...); got == "delayed but not lost\n" || rep.OK() {
			t.Errorf("%v: after 3 seconds the disk is up to date already (%q, %s): the test cannot tell a flush", args, got, rep)
		}
		if got, rep := read(12*1_200_000, args...); got != "delayed but not lost\n" || !rep.OK() {
			t.Errorf("%v: after 12 seconds the disk has %q; fsck:\n%s", args, got, rep)
		}
	}
}

// TestFSRandom: long runs of random file operations, against the host.
func TestFSRandom(t *testing.T) {
	for _, arg := range []string{"x", "y", "z"} {
		differential(t, "fs_random", arg)
	}
}

// TestFSDiskSpeeds: the same programs with a disk that answers at once and
// one a hundred times slower than the default (more processes run, and
// more wait for each other, during each transfer).
func TestFSDiskSpeeds(t *testing.T) {
	for _, name := range []string{"fs_share", "fs_pipe", "fs_many", "fs_exec"} {
		var want string
		for _, lat := range []uint64{1, 200000} {
			img := diskImage(t, 0, name, "fs_quiet")
			got := runDisk(t, name, diskOpts{Disk: img, Latency: lat, NoBoot: true, runOpts: runOpts{Seed: lat}})
			fsckClean(t, img)
			if want == "" {
				want = got.Out
			} else if got.Out != want {
				t.Errorf("%s: latency %d prints\n%s\nlatency 1 printed\n%s", name, lat, got.Out, want)
			}
		}
	}
}

// TestFSTables: opens beyond the open-file and in-core inode tables fail
// with ENFILE, and the system recovers when they close.
func TestFSTables(t *testing.T) {
	img := diskImage(t, 0, "fs_table")
	got := runDisk(t, "fs_table", diskOpts{Disk: img})
	want := "110 opens: 1 beyond the tables (ENFILE: 1), other errors 0\nafter: open 1\n"
	if got.Out != want {
		t.Errorf("got:\n%s\nwant:\n%s\nlog:\n%s", got.Out, want, got.Result.Log)
	}
	fsckClean(t, img)
}

// TestFSCOW: with copy-on-write fork, reads into a buffer shared with the
// parent (read, pipe, stat) copy the page first, as every kernel write
// to user memory must; the programs print the same as with plain fork.
func TestFSCOW(t *testing.T) {
	for _, name := range []string{"fs_basic", "fs_pipe", "fs_share", "fs_exec", "fs_random"} {
		plain := runDisk(t, name, diskOpts{Disk: diskImage(t, 0, name, "fs_quiet"), NoBoot: true})
		img := diskImage(t, 0, name, "fs_quiet")
		cow := runDisk(t, name, diskOpts{Disk: img, NoBoot: true, COW: true})
		if cow.Out != plain.Out {
			t.Errorf("%s: with --cow\n%s\nwithout\n%s", name, cow.Out, plain.Out)
		}
		fsckClean(t, img)
	}
}

// TestFSGetcwd: getcwd names the current directory by climbing "..".
func TestFSGetcwd(t *testing.T) {
	img := diskImage(t, 0, "fs_cwd")
	got := runDisk(t, "fs_cwd", diskOpts{Disk: img})
	want := "cwd /\ncwd /tmp/a/bee\ncwd /tmp/a\ncwd /\nsmall buffer: NULL errno 34\n"
	if got.Out != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.Out, want)
	}
	fsckClean(t, img)
}
