package tests

import (
	"fmt"
	"strings"
	"testing"
)

// TestOrderComesFromTheScheduler runs race.c — a loop, then fork, then both
// print — under many seeds with loop lengths around the point where the
// parent's p_cpu reaches 16 ticks (one priority step). With short loops
// the parent always prints first: its end-of-fork SetPri finds p_pri equal
// to CurPri and nobody preempts a process in the kernel. With long loops
// the child always does: p_pri has risen past CurPri, RunRun is set, and
// the child (p_pri 0) wins Select on the way back to user mode. In between,
// the seed decides where the ticks fall, and both orders occur. Each seed
// reproduces its own run exactly.
func TestOrderComesFromTheScheduler(t *testing.T) {
	orders := func(n int, seeds int) map[string][]uint64 {
		got := map[string][]uint64{}
		for s := uint64(1); s <= uint64(seeds); s++ {
			r := runProg(t, "race", runOpts{Seed: s, Args: []string{fmt.Sprint(n)}})
			got[r.Out] = append(got[r.Out], s)
		}
		return got
	}
	const parentFirst, childFirst = "parent\nchild\n", "child\nparent\n"
	if o := orders(2000, 8); len(o) != 1 || o[parentFirst] == nil {
		t.Errorf("short loop: want the parent first under every seed, got %v", o)
	}
	if o := orders(30000, 8); len(o) != 1 || o[childFirst] == nil {
		t.Errorf("long loop: want the child first under every seed, got %v", o)
	}
	mixed := false
	for n := 8000; n <= 11000 && !mixed; n += 500 {
		o := orders(n, 24)
		for out := range o {
			if out != parentFirst && out != childFirst {
				t.Fatalf("n=%d: unexpected output %q", n, out)
			}
		}
		if len(o[parentFirst]) > 0 && len(o[childFirst]) > 0 {
			mixed = true
			// Each seed reproduces its order, and its trace, exactly.
			for _, s := range []uint64{o[parentFirst][0], o[childFirst][0]} {
				ev := []string{"swtch", "syscall", "clock"}
				a := runProg(t, "race", runOpts{Seed: s, Args: []string{fmt.Sprint(n)}, Events: ev})
				b := runProg(t, "race", runOpts{Seed: s, Args: []string{fmt.Sprint(n)}, Events: ev})
				if a.Out != b.Out || a.Trace != b.Trace || a.Result.Icount != b.Result.Icount {
					t.Errorf("seed %d, n=%d: two runs differ", s, n)
				}
				if !strings.Contains(a.Trace, "chose [3 race]") {
					t.Errorf("seed %d: the trace never shows the child chosen", s)
				}
			}
		}
	}
	if !mixed {
		t.Errorf("no loop length between 8000 and 11000 iterations gave both orders across 24 seeds")
	}
}
