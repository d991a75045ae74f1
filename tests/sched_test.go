package tests

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// procAt is one process in a clock trace line.
type procAt struct{ cpu, nice, pri int }

var clockLine = regexp.MustCompile(`clock +second (\d+):`)
var clockProc = regexp.MustCompile(`\[(\d+) \w+\] (\w+) p_cpu (\d+) p_nice (\d+) p_pri (-?\d+)`)

// clockSeconds parses the clock trace: for each second, the SRUN/SWAIT
// user processes' p_cpu, p_nice and p_pri after the recomputation.
func clockSeconds(trace string) []map[int]procAt {
	var secs []map[int]procAt
	for _, l := range strings.Split(trace, "\n") {
		if !clockLine.MatchString(l) {
			continue
		}
		sec := map[int]procAt{}
		for _, m := range clockProc.FindAllStringSubmatch(l, -1) {
			pid, _ := strconv.Atoi(m[1])
			cpu, _ := strconv.Atoi(m[3])
			nice, _ := strconv.Atoi(m[4])
			pri, _ := strconv.Atoi(m[5])
			sec[pid] = procAt{cpu, nice, pri}
		}
		secs = append(secs, sec)
	}
	return secs
}

// TestSchedulerArithmetic checks V6++'s priority arithmetic in the clock's
// trace: p_cpu grows while a process runs and falls by SCHMAG = 20 a second
// while it does not; a CPU-bound process's p_pri is p_cpu/16 + 100 +
// p_nice; nice 10 puts the second child 10 priority steps behind.
func TestSchedulerArithmetic(t *testing.T) {
	r := runProg(t, "sched", runOpts{Seed: 3, Events: []string{"clock"}})
	if r.Out != "done\n" {
		t.Fatalf("output %q", r.Out)
	}
	secs := clockSeconds(r.Trace)
	if len(secs) < 3 {
		t.Fatalf("only %d clock seconds traced:\n%s", len(secs), r.Trace)
	}
	const a, b = 3, 4 // the children: init 1, sched 2
	grew, decayed, formula, niced := false, false, 0, false
	for i, s := range secs {
		for _, pid := range []int{a, b} {
			p, ok := s[pid]
			if !ok {
				continue
			}
			// User priorities above PUSER are recomputed every second.
			if p.pri > 100 && p.pri != p.cpu/16+100+p.nice {
				t.Errorf("second %d, pid %d: p_pri %d, but p_cpu/16 + 100 + p_nice = %d", i+1, pid, p.pri, p.cpu/16+100+p.nice)
			}
			if p.pri > 100 {
				formula++
			}
			if pid == b && p.nice == 10 && p.pri >= 110 {
				niced = true
			}
			if i > 0 {
				q, ok := secs[i-1][pid]
				if !ok {
					continue
				}
				if p.cpu > q.cpu {
					grew = true
				}
				// A process that did not run loses exactly 20 (to 0).
				if p.cpu < q.cpu {
					decayed = true
					if want := max(q.cpu-20, 0); p.cpu < want {
						t.Errorf("second %d, pid %d: p_cpu fell from %d to %d, more than SCHMAG", i+1, pid, q.cpu, p.cpu)
					}
				}
			}
		}
	}
	if !grew || !decayed || formula == 0 || !niced {
		t.Errorf("grew %v, decayed %v, formula checked %d times, nice seen %v; trace:\n%s", grew, decayed, formula, niced, r.Trace)
	}
}
