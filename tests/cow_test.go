package tests

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"

	"v6vm/tools/boot"
	"v6vm/tools/build"
)

// TestCOWFork runs cowfork.c with copy-on-write fork: both sides of each
// fork keep their own values, a fork of a fork works, and free memory
// returns to where it was. The same program under the default (copying)
// fork prints the same values but shares nothing.
func TestCOWFork(t *testing.T) {
	cow := runProg(t, "cowfork", runOpts{Seed: 1, COW: true})
	goldie.New(t).Assert(t, "cowfork", []byte(cow.Out))
	plain := runProg(t, "cowfork", runOpts{Seed: 1})
	goldie.New(t).Assert(t, "cowfork_copying", []byte(plain.Out))
}

// TestCOWProgramsAgree: the process and vfork demos print the same with
// copy-on-write fork as with V6++'s copying fork.
func TestCOWProgramsAgree(t *testing.T) {
	for _, name := range []string{"forkret", "orphans", "forkbomb", "wild", "faults", "vforkshare", "vforkmore", "clonedemo"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			a := runProg(t, name, runOpts{Seed: 1})
			b := runProg(t, name, runOpts{Seed: 1, COW: true})
			if a.Out != b.Out || a.Result.ExitCode() != b.Result.ExitCode() {
				t.Errorf("copying fork:\n%s\ncopy-on-write fork:\n%s", a.Out, b.Out)
			}
		})
	}
}

// TestCOWTables: copy-on-write fork shares page tables whole. cowtables.c
// writes through both of them while three processes share them, grows a
// sharer's data and stack, and gives its data back; it prints the same
// under both forks, and the trace shows each kind of fault: a table copied
// for a writer and one taken back by its last user, a page copied and one
// made writable again.
func TestCOWTables(t *testing.T) {
	want := `grandchild: 99 98
child after the grandchild: 10 3
child grew its data: 5 6, and its stack 200 deep
parent: 10 3
parent wrote: 7
free memory back to where it was: yes
`
	cow := runProg(t, "cowtables", runOpts{Seed: 1, COW: true, Events: []string{"cow"}})
	plain := runProg(t, "cowtables", runOpts{Seed: 1})
	for _, r := range []run{cow, plain} {
		if r.Out != want || r.Result.ExitCode() != 0 {
			t.Errorf("status %d, output:\n%s\nwant:\n%s", r.Result.ExitCode(), r.Out, want)
		}
	}
	for _, kind := range []string{
		"writes through the page table of 0x0-0x3fffff, shared: copied for the writer",
		"writes through the page table of 0x400000-0x7fffff, the last user: taken back, no copy",
		"shared: copied for the writer\n",
		"the last user: made writable again, no copy",
	} {
		if !strings.Contains(cow.Trace, kind) {
			t.Errorf("the cow trace lacks %q:\n%s", kind, cow.Trace)
		}
	}
}

// TestCOWFuzz runs cowfuzz.c under 20 seeds with both forks: random
// forks three deep, writes, brk moves and exits, each process checking its
// memory against its own model of it, and free memory back at the end.
func TestCOWFuzz(t *testing.T) {
	for seed := 1; seed <= 20; seed++ {
		for _, cow := range []bool{false, true} {
			t.Run(fmt.Sprintf("seed%d/cow=%v", seed, cow), func(t *testing.T) {
				t.Parallel()
				r := runProg(t, "cowfuzz", runOpts{Seed: 1, COW: cow, Args: []string{fmt.Sprint(seed)}})
				want := fmt.Sprintf("seed %d: 0 errors, memory back: yes\n", seed)
				if r.Out != want || r.Result.ExitCode() != 0 {
					t.Errorf("status %d, output:\n%s", r.Result.ExitCode(), r.Out)
				}
			})
		}
	}
}

// BenchmarkForkBig compares fork+exit+wait round trips of a process with
// 64 KiB and 4 MiB of data under V6++'s copying fork, vfork and
// copy-on-write fork.
func BenchmarkForkBig(b *testing.B) {
	for _, mode := range []struct {
		name  string
		cow   bool
		vfork bool
	}{{"fork", false, false}, {"vfork", false, true}, {"cow", true, false}} {
		for _, kb := range []int{64, 4096} {
			b.Run(fmt.Sprintf("%s/%dKiB", mode.name, kb), func(b *testing.B) {
				args := func(n int) []string {
					a := []string{fmt.Sprint(n), fmt.Sprint(kb)}
					if mode.vfork {
						a = append(a, "vfork")
					}
					return a
				}
				base := runProg(b, "forkbig", runOpts{Args: args(0), COW: mode.cow})
				b.ResetTimer()
				r := runProg(b, "forkbig", runOpts{Args: args(b.N), COW: mode.cow, Max: 1 << 40})
				b.StopTimer()
				if r.Result.ExitCode() != 0 {
					b.Fatalf("forkbig: %v", r.Result)
				}
				b.ReportMetric(float64(r.Result.Icount-base.Result.Icount)/float64(b.N), "instructions/fork")
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "forks/s")
			})
		}
	}
}

// TestTraceShowsCOWAndAddressSpaces: the trace names copy-on-write faults,
// both kinds, and the address space each process is switched into — a
// vfork child runs in its parent's page directory, a forked child in its
// own.
func TestTraceShowsCOWAndAddressSpaces(t *testing.T) {
	r := runProg(t, "cowfork", runOpts{Seed: 1, COW: true, Events: []string{"cow"}})
	if !strings.Contains(r.Trace, "shared: copied for the writer") || !strings.Contains(r.Trace, "made writable again, no copy") {
		t.Errorf("the cow trace lacks one of the two kinds of fault:\n%s", r.Trace)
	}
	v := runProg(t, "vforkshare", runOpts{Seed: 1, Events: []string{"swtch"}})
	space := regexp.MustCompile(`swtch in  \[(\d+) vforkshare\]: .*\(address space (0x[0-9a-f]+)\)`)
	spaces := map[string]map[string]bool{}
	for _, m := range space.FindAllStringSubmatch(v.Trace, -1) {
		if spaces[m[1]] == nil {
			spaces[m[1]] = map[string]bool{}
		}
		spaces[m[1]][m[2]] = true
	}
	// pid 2 is the program; 3 its forked child, 4 its vfork child.
	shared := false
	for s := range spaces["4"] {
		shared = shared || spaces["2"][s]
	}
	forkedOwn := true
	for s := range spaces["3"] {
		forkedOwn = forkedOwn && !spaces["2"][s]
	}
	if !shared || !forkedOwn || len(spaces["3"]) == 0 {
		t.Errorf("address spaces by pid %v: want the vfork child (4) in its parent's (2), the forked child (3) in its own", spaces)
	}
}

// TestPsShowsCOWCounters: ps prints the copy-on-write counters on a system
// booted with --cow (init's fork of ps shared pages), and not otherwise.
func TestPsShowsCOWCounters(t *testing.T) {
	system(t)
	files := []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/bin/ps", Exe: binProgram(t, "ps")}}
	line := regexp.MustCompile(`(?m)^copy-on-write fork: [1-9]\d* pages shared, \d+ copied on write$`)
	for _, cow := range []bool{true, false} {
		var out strings.Builder
		r, _, err := boot.Run(kernel, build.BootConfig{Cmdline: "/init /bin/ps", Files: files},
			boot.Options{Console: &out, COW: cow, MaxInstructions: 100_000_000})
		if err != nil || r.Kind != boot.Program {
			t.Fatalf("cow %v: %v %v", cow, r, err)
		}
		if line.MatchString(out.String()) != cow {
			t.Errorf("cow %v: ps printed\n%s", cow, out.String())
		}
	}
}
