package tests

import (
	"errors"
	"fmt"
	"os"
	"testing"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/tools/trace"
	"v6vm/v6vm"
)

var errBooted = errors.New("first system call")

// BenchmarkBoot boots the kernel to its first user instruction (icode's
// exec system call, a few instructions in) and reports how many VM
// instructions that took.
func BenchmarkBoot(b *testing.B) {
	system(b)
	cfg := build.BootConfig{Cmdline: "/init", Files: []build.BootFile{{Name: "/init", Exe: initProg}}}
	var icount uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var m *v6vm.Machine
		hooks := v6vm.Hooks{IO: func(m *v6vm.Machine, port uint16, v uint32, size int, out bool) {
			if out && port == 0xED && v == 7 { // TRACE_SYSCALL
				m.Stop(errBooted)
			}
		}}
		m, _, err := boot.New(kernel, cfg, boot.Options{Hooks: hooks})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := m.Run(); err != errBooted {
			b.Fatalf("boot ended with %v", err)
		}
		icount = m.Icount
	}
	b.ReportMetric(float64(icount), "instructions/boot")
}

// BenchmarkForkExitWait runs b.N rounds of fork, _exit and wait in one
// boot, and reports VM instructions and wall time per round trip (the boot
// and the program's start are measured separately and taken off).
func BenchmarkForkExitWait(b *testing.B) {
	base := runProg(b, "forkloop", runOpts{Args: []string{"0"}})
	b.ResetTimer()
	r := runProg(b, "forkloop", runOpts{Args: []string{fmt.Sprint(b.N)}})
	b.StopTimer()
	per := float64(r.Result.Icount-base.Result.Icount) / float64(b.N)
	b.ReportMetric(per, "instructions/fork")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "forks/s")
}

// TestForkProfile prints where a fork+exit+wait round trip spends its
// instructions, by kernel function (go test ./tests -run ForkProfile -v).
func TestForkProfile(t *testing.T) {
	if testing.Short() {
		t.Skip("profiling is slow")
	}
	system(t)
	const n = 200
	prof := trace.NewProfile(kernel)
	prog := program(t, "forkloop")
	cfg := build.BootConfig{Cmdline: fmt.Sprintf("/init /forkloop %d", n),
		Files: []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/forkloop", Exe: prog}}}
	r, _, err := boot.Run(kernel, cfg, boot.Options{Hooks: v6vm.Hooks{Step: prof.Step}, MaxInstructions: 1e9})
	if err != nil || r.Kind != boot.Program {
		t.Fatalf("%v %v", r, err)
	}
	if testing.Verbose() {
		prof.Write(os.Stdout, n, 25)
		prof.WriteSourceLines(os.Stdout, n, 30)
	}
	if prof.Total() == 0 {
		t.Fatal("nothing counted")
	}
}

// TestForkExecProfile prints where a fork+exec+wait round trip (exec of
// /bin/true from the disk) spends its instructions, by kernel function
// (go test ./tests -run ForkExecProfile -v).
func TestForkExecProfile(t *testing.T) {
	if testing.Short() {
		t.Skip("profiling is slow")
	}
	const n = 200
	disk := systemWith(t, "forkexec")
	prof := trace.NewProfile(kernel)
	runDisk(t, "forkexec", diskOpts{Disk: disk, NoBoot: true, Step: prof.Step, runOpts: runOpts{Args: []string{fmt.Sprint(n)}}})
	if testing.Verbose() {
		prof.Write(os.Stdout, n, 40)
		prof.WriteSourceLines(os.Stdout, n, 60)
	}
	if prof.Total() == 0 {
		t.Fatal("nothing counted")
	}
}
