package tests

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/v6vm"
	"v6vm/v6vm/exe"
)

// The whole system's speed (issue 6's figures): building it, booting to
// the shell's prompt, fork+exec+wait, commands a script runs, and a pipe.

// BenchmarkSystemBuild builds the kernel, every program and the disk image
// from nothing (the compile cache cleared each time).
func BenchmarkSystemBuild(b *testing.B) {
	for i := 0; i < b.N; i++ {
		build.ClearCache()
		if _, err := build.Kernel(src); err != nil {
			b.Fatal(err)
		}
		if _, err := build.SystemDisk(src, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUserlandBuild compiles and links every program of the disk
// image (init and userland/bin, with the C library) from nothing.
func BenchmarkUserlandBuild(b *testing.B) {
	for i := 0; i < b.N; i++ {
		build.ClearCache()
		if _, err := build.UserPrograms(src); err != nil {
			b.Fatal(err)
		}
	}
}

var errPrompt = errors.New("prompt")

// BenchmarkBootToPrompt boots a built system until the shell has printed
// its first prompt. The time is the machine's run; making the machine
// (clearing 32 MiB that the loop reuses) is left out, as a fresh process
// gets its memory already zeroed from the host.
func BenchmarkBootToPrompt(b *testing.B) {
	system(b)
	disk, err := build.SystemDisk(src, 0)
	if err != nil {
		b.Fatal(err)
	}
	var icount uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var seen []byte
		hooks := v6vm.Hooks{IO: func(m *v6vm.Machine, port uint16, v uint32, size int, out bool) {
			if out && port == 0x3F8 {
				seen = append(seen, byte(v))
				if bytes.HasSuffix(seen, []byte("# ")) {
					m.Stop(errPrompt)
				}
			}
		}}
		b.StopTimer()
		m, _, err := boot.New(kernel, build.BootConfig{Cmdline: "/init"}, boot.Options{Disk: append([]byte(nil), disk...), Hooks: hooks})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := m.Run(); err != errPrompt {
			b.Fatalf("boot ended with %v", err)
		}
		icount = m.Icount
	}
	b.ReportMetric(float64(icount), "instructions/boot")
}

// systemWith is the system's disk plus the named test programs at /NAME.
func systemWith(b testing.TB, names ...string) []byte {
	system(b)
	progs, err := build.UserPrograms(src)
	if err != nil {
		b.Fatal(err)
	}
	files := map[string]*exe.File{}
	for n, x := range progs {
		if n == "init" {
			files["/init"] = x
		} else {
			files["/bin/"+n] = x
		}
	}
	for _, n := range names {
		files["/"+n] = program(b, n)
	}
	disk, err := build.DiskImage(0, files)
	if err != nil {
		b.Fatal(err)
	}
	return disk
}

// perRound runs name with args ("N" is replaced by the round count) twice,
// with 0 rounds and with b.N, and reports the difference per round.
func perRound(b *testing.B, disk []byte, name string, unit string, args ...string) {
	with := func(n int) run {
		a := make([]string, len(args))
		for i, s := range args {
			a[i] = strings.ReplaceAll(s, "N", fmt.Sprint(n))
		}
		return runDisk(b, name, diskOpts{Disk: append([]byte(nil), disk...), NoBoot: true, runOpts: runOpts{Args: a, Max: 1 << 40}})
	}
	base := with(0)
	b.ResetTimer()
	r := with(b.N)
	b.StopTimer()
	b.ReportMetric(float64(r.Result.Icount-base.Result.Icount)/float64(b.N), "instructions/"+unit)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), unit+"s/s")
}

// BenchmarkForkExecWait: fork, exec of /bin/true from the disk, wait.
func BenchmarkForkExecWait(b *testing.B) {
	perRound(b, systemWith(b, "forkexec"), "forkexec", "round", "N")
}

// BenchmarkPipe10MiB moves 10 MiB through a pipe in 4 KiB writes.
func BenchmarkPipe10MiB(b *testing.B) {
	disk := systemWith(b, "pipebulk")
	for i := 0; i < b.N; i++ {
		r := runDisk(b, "pipebulk", diskOpts{Disk: append([]byte(nil), disk...), NoBoot: true, runOpts: runOpts{Args: []string{"10240"}, Max: 1 << 40}})
		if r.Result.ExitCode() != 0 {
			b.Fatalf("pipebulk: %v", r.Result)
		}
	}
	b.ReportMetric(10*float64(b.N)/b.Elapsed().Seconds(), "MiB/s")
}

// BenchmarkShellCommands: the shell runs a script of b.N `true` commands.
func BenchmarkShellCommands(b *testing.B) {
	system(b)
	disk, err := build.SystemDisk(src, 0)
	if err != nil {
		b.Fatal(err)
	}
	script := strings.Repeat("true\n", b.N) + "exit\n"
	b.ResetTimer()
	var out bytes.Buffer
	r, _, err := boot.Run(kernel, build.BootConfig{Cmdline: "/init"}, boot.Options{Console: &out, Disk: disk,
		Input: []byte(script), CloseInput: true, InputFlow: true})
	b.StopTimer()
	if err != nil || r.Kind != boot.Shutdown {
		b.Fatalf("%v %v", r, err)
	}
	b.ReportMetric(float64(r.Icount)/float64(b.N), "instructions/command")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "commands/s")
}
