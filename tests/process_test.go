package tests

import (
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"
)

// Each of these programs checks its own expectations and prints them as
// words (EFAULT, "killed by signal 11"), so the golden files read as the
// lesson; every line was checked against what Unix must do.
func TestProcessPrograms(t *testing.T) {
	for _, name := range []string{"orphans", "forkbomb", "nomem", "wild", "faults", "sleeper", "getproc"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := runProg(t, name, runOpts{Seed: 1, Max: 2_000_000_000})
			if r.Result.ExitCode() != 0 {
				t.Errorf("exit code %d", r.Result.ExitCode())
			}
			goldie.New(t).Assert(t, name, []byte(r.Out))
		})
	}
}

// TestIdleHalts: while the only process sleeps, Select finds nothing to run
// and halts the CPU; the clock's interrupt wakes it and the sleeper is
// woken when its second comes.
func TestIdleHalts(t *testing.T) {
	r := runProg(t, "sleeper", runOpts{Seed: 1, Events: []string{"swtch", "sleep", "clock"}})
	idle := strings.Index(r.Trace, "idle      nothing to run")
	wake := strings.Index(r.Trace, "wakeup    [2 sleeper]")
	if idle < 0 || wake < idle {
		t.Fatalf("want an idle halt followed by the sleeper's wakeup; trace:\n%s", r.Trace)
	}
	if !strings.Contains(r.Trace[:wake], "sleep     [2 sleeper] on tout at p_pri 90") {
		t.Errorf("the sleeper should sleep on tout at PSLEP (90):\n%s", r.Trace[:wake])
	}
	// Three seconds of HZ = 120 ticks, at least DefaultTick instructions
	// each, pass in virtual time.
	if r.Result.Icount < 3*120*10000 {
		t.Errorf("only %d instructions of virtual time passed for sleep(3)", r.Result.Icount)
	}
}
