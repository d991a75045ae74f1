package tests

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/v6vm"
)

// TestVforkPrograms: the vfork and clone demos print what their comments
// derive (each line was checked against the semantics, not pasted).
func TestVforkPrograms(t *testing.T) {
	for _, name := range []string{"vforkshare", "vforkstack", "vforkmore", "vforkret", "clonedemo"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := runProg(t, name, runOpts{Seed: 1})
			if r.Result.ExitCode() != 0 {
				t.Errorf("exit code %d", r.Result.ExitCode())
			}
			goldie.New(t).Assert(t, name, []byte(r.Out))
		})
	}
}

// userFaults runs a program and records each page fault taken in user mode:
// the faulting address (CR2) and where (EIP), named from the program's
// symbols.
func userFaults(t *testing.T, name string) []string {
	system(t)
	prog := program(t, name)
	var faults []string
	hooks := v6vm.Hooks{Trap: func(m *v6vm.Machine, ti v6vm.TrapInfo) {
		if ti.Vector == 14 && ti.FromUser {
			faults = append(faults, fmt.Sprintf("cr2=%#x eip=%#x", ti.CR2, ti.EIP))
		}
	}}
	var out bytes.Buffer
	cfg := build.BootConfig{Cmdline: "/init /" + name,
		Files: []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/" + name, Exe: prog}}}
	r, _, err := boot.Run(kernel, cfg, boot.Options{Console: &out, Hooks: hooks, Seed: 1, MaxInstructions: 1e8})
	if err != nil || r.Kind != boot.Program {
		t.Fatalf("%v %v", r, err)
	}
	return faults
}

// TestVforkParentReturnsToTheChildsArgument checks vforkstack.c's account
// of its own death: the parent's return from spawn() pops the argument the
// child pushed for scribble(3), jumps to address 3 and faults fetching there.
func TestVforkParentReturnsToTheChildsArgument(t *testing.T) {
	faults := userFaults(t, "vforkstack")
	if len(faults) != 1 || faults[0] != "cr2=0x3 eip=0x3" {
		t.Errorf("user page faults %v, want exactly one, fetching at address 3", faults)
	}
}

// TestVforkParentSleepsUntilChildExits: in every seed's trace the vfork
// parent sleeps at PVFORK (-10) and wakes only after the child's exit, and
// the child's line is printed before the parent's.
func TestVforkParentSleepsUntilChildExits(t *testing.T) {
	for seed := uint64(1); seed <= 6; seed++ {
		r := runProg(t, "vforkshare", runOpts{Seed: seed, Events: []string{"sleep", "exit"}})
		child := strings.Index(r.Out, "vfork child:")
		parent := strings.Index(r.Out, "after vfork:")
		if child < 0 || parent < child {
			t.Fatalf("seed %d: the parent printed before the vfork child:\n%s", seed, r.Out)
		}
		sleep := strings.Index(r.Trace, "at p_pri -10\n")
		if sleep < 0 {
			t.Fatalf("seed %d: no sleep at PVFORK in the trace:\n%s", seed, r.Trace)
		}
		exit := strings.Index(r.Trace[sleep:], "exit      [4 vforkshare]")
		wake := strings.Index(r.Trace[sleep:], "wakeup    [2 vforkshare]")
		if exit < 0 || wake < exit {
			t.Errorf("seed %d: the parent was woken before its vfork child exited:\n%s", seed, r.Trace[sleep:])
		}
	}
}

// TestVforkReturnFromMain checks vforkret.c's account: the parent gets back
// into victim() (it prints), and dies returning through words the child's
// exit path left on the shared stack: a jump to 0.
func TestVforkReturnFromMain(t *testing.T) {
	faults := userFaults(t, "vforkret")
	if len(faults) != 1 || faults[0] != "cr2=0x0 eip=0x0" {
		t.Errorf("user page faults %v, want exactly one, fetching at address 0", faults)
	}
}

// TestVforkParentGrowsAfter: once a vfork child has exited or exec'd, or a
// clone(CLONE_VM|CLONE_VFORK) child has returned, the parent owns its
// address space alone again and can grow its break and its stack (they
// stayed refused: malloc failed, deep recursion was killed).
func TestVforkParentGrowsAfter(t *testing.T) {
	want := `after a vfork child's _exit: malloc works, sbrk works, recursion 200 deep
after a vfork child's exec: malloc works, sbrk works, recursion 200 deep
after a clone(CLONE_VM|CLONE_VFORK) child: malloc works, sbrk works, recursion 200 deep
`
	for _, cow := range []bool{false, true} {
		r := runProg(t, "vforkafter", runOpts{Seed: 1, COW: cow})
		if r.Out != want || r.Result.ExitCode() != 0 {
			t.Errorf("cow %v: status %d, output:\n%s", cow, r.Result.ExitCode(), r.Out)
		}
	}
}
