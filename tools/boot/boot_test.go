package boot

import (
	"bytes"
	"os"
	"sync"
	"testing"

	"v6vm/asm"
	"v6vm/tools/build"
	"v6vm/v6vm/exe"
)

var (
	kernelOnce sync.Once
	kernelExe  *exe.File
	kernelErr  error
)

func kernel(t *testing.T) *exe.File {
	t.Helper()
	kernelOnce.Do(func() { kernelExe, kernelErr = build.Kernel(os.DirFS("../..")) })
	if kernelErr != nil {
		t.Fatalf("building the kernel: %v", kernelErr)
	}
	return kernelExe
}

func userAsm(t *testing.T, name, text string) *exe.File {
	t.Helper()
	f, err := build.UserAsm(os.DirFS("../.."), asm.Source{Name: name, Text: []byte(text)})
	if err != nil {
		t.Fatalf("assembling %s: %v", name, err)
	}
	return f
}

// errnoStub stands in for libc's __syscall_error in assembly-only tests.
const errnoStub = `
.globl __syscall_error
__syscall_error:
        mov eax, -1
        ret
`

// TestBootHello: the kernel boots, process 1 exec's /init from the boot
// image, init writes to the console through write(2) and shuts down.
func TestBootHello(t *testing.T) {
	initProg := userAsm(t, "init.s", `
_start:
        push 14
        push msg
        push 1
        call write
        add esp, 12
        push 7
        push 0
        call shutdown
.data
msg:    .ascii "hello, world!\n"
`+errnoStub)
	var out bytes.Buffer
	r, _, err := Run(kernel(t), build.BootConfig{Files: []build.BootFile{{Name: "/init", Exe: initProg}}},
		Options{Console: &out, MaxInstructions: 10_000_000})
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != Shutdown || r.Status != 7 || out.String() != "hello, world!\n" {
		t.Fatalf("run: %v, console %q; want shutdown 7 and the message\nlog:\n%s%s", r, out.String(), r.Log, r.Backtrace)
	}
}

// TestInitRunsProgram: init (in C) forks, the child execs the program
// named on the command line, and init reports the program's exit status.
func TestInitRunsProgram(t *testing.T) {
	src := os.DirFS("../..")
	initProg, err := build.UserProgram(src, "init")
	if err != nil {
		t.Fatal(err)
	}
	prog, err := build.UserC(src, asm.Source{Name: "prog.c", Text: []byte(`
#include <unistd.h>
int main(int argc, char **argv) {
	write(1, argv[1], 2);
	return 42;
}
`)})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	r, _, err := Run(kernel(t), build.BootConfig{
		Cmdline: "/init /prog hi",
		Files:   []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/prog", Exe: prog}},
	}, Options{Console: &out, MaxInstructions: 50_000_000})
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != Program || r.ExitCode() != 42 || out.String() != "hi" {
		t.Fatalf("run: %v (exit code %d), console %q; want exit 42 and \"hi\"\nlog:\n%s%s", r, r.ExitCode(), out.String(), r.Log, r.Backtrace)
	}
}
