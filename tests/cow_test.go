package tests

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"
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

// BenchmarkForkBig compares fork+exit+wait of a process with a 4 MiB
// image under V6++'s copying fork and copy-on-write fork.
func BenchmarkForkBig(b *testing.B) {
	for _, mode := range []struct {
		name string
		cow  bool
	}{{"copy", false}, {"cow", true}} {
		for _, kb := range []int{64, 4096} {
			b.Run(fmt.Sprintf("%s/%dKiB", mode.name, kb), func(b *testing.B) {
				base := runProg(b, "forkbig", runOpts{Args: []string{"0", fmt.Sprint(kb)}, COW: mode.cow})
				b.ResetTimer()
				r := runProg(b, "forkbig", runOpts{Args: []string{fmt.Sprint(b.N), fmt.Sprint(kb)}, COW: mode.cow, Max: 1 << 40})
				b.StopTimer()
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
