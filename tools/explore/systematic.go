package explore

import (
	"sort"

	"v6vm/tools/boot"
)

// Systematic places the clock instead of drawing it: with no jitter the
// ticks come every period instructions, and the phase (the first tick's
// delay, 0 to period-1) moves all of them at once, so sweeping the phase
// puts a tick at every point of the program — before, inside and after
// each system call — once per period.
//
// With a budget of at least period runs every phase is run. Otherwise
// half the budget samples the phases evenly and the rest bisects between
// neighbouring samples that ended differently, to find where the outcome
// changes; an outcome confined to a window narrower than the sampling step
// between two samples that agree can be missed.
//
// Systematic sets s.Opt.TickJitter to 0, and s.Opt.TickPeriod, if 0, to the
// seeded clock's mean period.
func (s *System) Systematic(budget int, o Options) (*Report, error) {
	if s.Opt.TickPeriod == 0 {
		s.Opt.TickPeriod = boot.DefaultTick + boot.DefaultJitter/2
	}
	s.Opt.TickJitter = 0
	period := s.Opt.TickPeriod
	if budget < 2 {
		budget = 2
	}
	var grid []Run
	if uint64(budget) >= uint64(period) {
		for p := uint32(0); p < period; p++ {
			grid = append(grid, Run{Phase: p})
		}
	} else {
		n := budget / 2
		for i := 0; i < n; i++ {
			grid = append(grid, Run{Phase: uint32(uint64(i) * uint64(period) / uint64(n))})
		}
	}
	// Progress counts every run of every round against the budget (or
	// against the grid, when it is the whole period).
	total, done0 := budget, 0
	if len(grid) >= budget {
		total = len(grid)
	}
	if progress := o.Progress; progress != nil {
		o.Progress = func(done, _ int) { progress(done0+done, total) }
	}
	_, results, err := s.sweep(grid, o)
	if err != nil {
		return nil, err
	}
	done0 = len(results)
	byPhase := map[uint32]*Result{}
	for _, r := range results {
		byPhase[r.Phase] = r
	}
	for done0 < total {
		// Midpoints of neighbours that differ, as far as the budget goes.
		phases := make([]uint32, 0, len(byPhase))
		for p := range byPhase {
			phases = append(phases, p)
		}
		sort.Slice(phases, func(i, j int) bool { return phases[i] < phases[j] })
		var mids []Run
		for i := 0; i+1 < len(phases) && done0+len(mids) < total; i++ {
			a, b := byPhase[phases[i]], byPhase[phases[i+1]]
			if phases[i+1]-phases[i] > 1 && a.key(o.ByEvents) != b.key(o.ByEvents) {
				mids = append(mids, Run{Phase: phases[i] + (phases[i+1]-phases[i])/2})
			}
		}
		if len(mids) == 0 {
			break
		}
		_, more, err := s.sweep(mids, o)
		if err != nil {
			return nil, err
		}
		for _, r := range more {
			byPhase[r.Phase] = r
		}
		done0 += len(more)
	}
	all := make([]*Result, 0, len(byPhase))
	for _, r := range byPhase {
		all = append(all, r)
	}
	rep := group(all, o.ByEvents, s.Calls)
	rep.Systematic, rep.Period = true, period
	return rep, nil
}

// Ranges compresses an outcome's phases into runs of consecutive samples
// with this outcome (each pair is the first and last sampled phase).
func (r *Report) Ranges(oc *Outcome) [][2]uint32 {
	var all []Run
	for _, o := range r.Outcomes {
		all = append(all, o.Runs...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Phase < all[j].Phase })
	mine := map[uint32]bool{}
	for _, run := range oc.Runs {
		mine[run.Phase] = true
	}
	var out [][2]uint32
	in := false
	for _, run := range all {
		switch {
		case mine[run.Phase] && in:
			out[len(out)-1][1] = run.Phase
		case mine[run.Phase]:
			out = append(out, [2]uint32{run.Phase, run.Phase})
			in = true
		default:
			in = false
		}
	}
	return out
}
