package explore

import (
	"sort"

	"v6vm/tools/boot"
)

// Systematic places the clock instead of drawing it: with no jitter the
// ticks come every period instructions, and the phase (the first tick's
// delay, 0 to period-1) moves all of them at once, so sweeping the phase
// puts a tick at every point of the program — before, inside and after
// each system call — once per period. Sweeping several periods as well
// varies how many ticks land in each stretch of the program, which the
// scheduler's p_cpu counts: the seeded clock's periods range over
// [tick, tick+jitter], and an outcome may need a period far from another.
//
// Each period gets an equal share of the budget. With a share of at least
// the period every phase is run. Otherwise half the share samples the
// phases evenly and the rest bisects between neighbouring samples that
// ended differently, to find where the outcome changes; an outcome
// confined to a window narrower than the sampling step between two samples
// that agree can be missed.
//
// Systematic sets s.Opt.TickJitter to 0. No periods means one: the seeded
// clock's mean.
func (s *System) Systematic(periods []uint32, budget int, o Options) (*Report, error) {
	if len(periods) == 0 {
		periods = []uint32{boot.DefaultTick + boot.DefaultJitter/2}
	}
	s.Opt.TickJitter = 0
	share := budget / len(periods)
	if share < 2 {
		share = 2
	}
	progress := o.Progress
	var all []*Result
	for i, period := range periods {
		if progress != nil {
			done0 := i * share
			o.Progress = func(done, total int) { progress(done0+done, share*len(periods)) }
		}
		rs, err := s.phases(period, share, o)
		if err != nil {
			return nil, err
		}
		all = append(all, rs...)
	}
	rep := group(all, o.ByEvents, s.Calls)
	rep.Systematic, rep.Periods = true, periods
	return rep, nil
}

// phases sweeps the phases of one period within budget runs.
func (s *System) phases(period uint32, budget int, o Options) ([]*Result, error) {
	var grid []Run
	if uint64(budget) >= uint64(period) {
		for p := uint32(0); p < period; p++ {
			grid = append(grid, Run{Phase: p, Period: period})
		}
	} else {
		n := budget / 2
		for i := 0; i < n; i++ {
			grid = append(grid, Run{Phase: uint32(uint64(i) * uint64(period) / uint64(n)), Period: period})
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
				mids = append(mids, Run{Phase: phases[i] + (phases[i+1]-phases[i])/2, Period: period})
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
	return all, nil
}

// Ranges compresses an outcome's phases of one period into runs of
// consecutive samples with this outcome (each pair is the first and last
// sampled phase).
func (r *Report) Ranges(oc *Outcome, period uint32) [][2]uint32 {
	var all []Run
	for _, o := range r.Outcomes {
		for _, run := range o.Runs {
			if run.Period == period {
				all = append(all, run)
			}
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Phase < all[j].Phase })
	mine := map[uint32]bool{}
	for _, run := range oc.Runs {
		if run.Period == period {
			mine[run.Phase] = true
		}
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
