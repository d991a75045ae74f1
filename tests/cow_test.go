package tests

import (
	"fmt"
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
				r := runProg(b, "forkbig", runOpts{Args: []string{fmt.Sprint(b.N), fmt.Sprint(kb)}, COW: mode.cow})
				b.StopTimer()
				b.ReportMetric(float64(r.Result.Icount-base.Result.Icount)/float64(b.N), "instructions/fork")
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "forks/s")
			})
		}
	}
}
