// Package explore runs one program under many clock placements — seeds of
// the timer's jitter, or (systematically) every phase of a jitter-free
// clock — and groups the runs by what they printed, or by the order in
// which the scheduler ran the processes. Each run is its own machine; runs
// go in parallel on a worker pool, and the report does not depend on how
// many workers there were.
package explore

import (
	"bytes"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/tools/trace"
	"v6vm/v6vm"
	"v6vm/v6vm/exe"
)

// System is what every run boots: the kernel, the boot image's files and
// command line, and the machine's options (Console and Hooks are set per
// run). Info describes the kernel and Calls names its system calls, for
// grouping by events.
type System struct {
	Kernel *exe.File
	Boot   build.BootConfig
	Opt    boot.Options
	Info   *trace.Kernel
	Calls  map[int]string

	// Disk, if set, is the disk image every run starts from; each run
	// writes its own copy (pages are copied only when written).
	Disk []byte

	diskOnce sync.Once
	disk     *diskImage
}

// Options configure a sweep.
type Options struct {
	Jobs     int  // parallel runs; 0: one per CPU
	ByEvents bool // group by the sequence of processes Select chose, not by output
	// Progress, if set, is called (from one goroutine at a time) after
	// each run with the number done and the total.
	Progress func(done, total int)
}

// A Run is one placement of the clock: a seed for the jitter, or a phase
// of the first tick (systematic sweeps; no jitter).
type Run struct {
	Seed   uint64
	Phase  uint32
	Period uint32 // the clock's period for this run; 0: System.Opt's
}

// Result is what one run did.
type Result struct {
	Run
	Output   string
	End      string   // how it ended, when not a normal exit 0 ("exit 1", "signal 9", ...)
	Switches []Switch // the context switches (ByEvents only)
	Icount   uint64
}

// Switch is one context switch: From gave up the processor (it slept,
// gave way, or exited: Why) in or after system call Call, or at a clock
// tick from user mode (Call -1), and Select chose To. Select choosing the
// process that gave way again is no switch.
type Switch struct {
	From, To int32
	Why      byte // 's' sleeps, 'g' gives way, 'x' exits
	Call     int  // the system call it was in (or had just returned from); -1: a clock tick; 0: unknown
}

func (s Switch) describe(calls map[int]string) string {
	where := ""
	call := calls[s.Call]
	if call == "" {
		call = fmt.Sprintf("syscall %d", s.Call)
	}
	switch {
	case s.Call < 0:
		where = " at a tick"
	case s.Call == 0:
	case s.Why == 'g':
		where = " after " + call
	case s.Why == 's':
		where = " in " + call
	}
	why := map[byte]string{'s': "sleeps", 'g': "gives way", 'x': "exits"}[s.Why]
	return fmt.Sprintf("%d %s%s -> %d", s.From, why, where, s.To)
}

// Outcome is one group of runs that printed the same (or switched the
// same way).
type Outcome struct {
	Key      string
	Output   string   // of the first run in the group
	End      string   // likewise
	Switches []Switch // ByEvents: the group's switch sequence
	Count    int
	Outputs  int   // ByEvents: distinct outputs in the group
	First    Run   // the smallest seed (phase) in the group
	Runs     []Run // every run in the group, in order
}

// Report is a sweep's result.
type Report struct {
	Runs     int
	ByEvents bool
	Outcomes []*Outcome // most frequent first; ties by smallest seed

	Systematic bool     // runs are phases of a jitter-free clock
	Periods    []uint32 // its periods

	// Replay, if set, gives the command that replays a run; Write
	// prints it under each outcome.
	Replay func(Run) string

	calls map[int]string
}

// RunOne runs the system once.
func (s *System) RunOne(r Run, byEvents bool) (*Result, error) {
	var out bytes.Buffer
	opt := s.Opt
	opt.Console = &out
	opt.Seed = r.Seed
	opt.TickPhase = r.Phase
	if r.Period != 0 {
		opt.TickPeriod = r.Period
	}
	opt.Hooks = v6vm.Hooks{}
	res := &Result{Run: r}
	if byEvents {
		if s.Info == nil {
			return nil, fmt.Errorf("explore: grouping by events needs the kernel's layout (System.Info)")
		}
		// The kernel's trace points (kernel/trap.go, TRACE_*), read
		// directly: a full tracer would read the whole process table
		// at every switch.
		var arg uint32
		var sw Switch
		last := map[int32]int{} // pid -> the system call it is in or left last; -1 a tick
		opt.Hooks.Trap = func(m *v6vm.Machine, ti v6vm.TrapInfo) {
			if ti.Kind == v6vm.TrapInterrupt && ti.Vector == 0x20 && ti.FromUser {
				last[s.Info.CurrentPid(m)] = -1
			}
		}
		opt.Hooks.IO = func(m *v6vm.Machine, port uint16, v uint32, size int, isOut bool) {
			if !isOut {
				return
			}
			switch port {
			case 0xEC: // the trace point's argument
				arg = v
			case 0xED:
				switch v {
				case 7: // TRACE_SYSCALL: arg is the call's number
					last[s.Info.CurrentPid(m)] = int(arg)
				case 1: // TRACE_SWTCH_OUT
					pid, stat := s.Info.CurrentStat(m)
					sw = Switch{From: pid, Why: 's', Call: last[pid]}
					switch stat {
					case 3: // SRUN
						sw.Why = 'g'
					case 5: // SZOMB
						sw.Why = 'x'
					}
				case 2: // TRACE_SELECT: arg is the chosen process
					if sw.To = s.Info.PidAt(m, arg); sw.To != sw.From {
						res.Switches = append(res.Switches, sw)
					}
				}
			}
		}
	}
	size := opt.MemSize
	if size == 0 {
		size = v6vm.DefaultMemSize
	}
	mem, unmap := mapMemory(int(size) + 8)
	opt.Memory = mem
	if s.Disk != nil {
		s.diskOnce.Do(func() { s.disk = newDiskImage(s.Disk) })
		disk, release := s.disk.copy()
		defer release()
		opt.Disk = disk
	}
	br, _, err := boot.Run(s.Kernel, s.Boot, opt)
	unmap()
	if err != nil {
		return nil, err
	}
	res.Output, res.Icount = out.String(), br.Icount
	switch {
	case br.Kind == boot.Program && br.Status == 0:
	case br.Kind == boot.Program && br.Status&0x7F != 0:
		res.End = fmt.Sprintf("killed by signal %d", br.Status&0x7F)
	case br.Kind == boot.Program:
		res.End = fmt.Sprintf("exit status %d", br.Status>>8&0xFF)
	default:
		res.End = br.String()
	}
	return res, nil
}

// key groups results.
func (r *Result) key(byEvents bool) string {
	if byEvents {
		var b strings.Builder
		for _, sw := range r.Switches {
			fmt.Fprintf(&b, "%d%c%d/%d ", sw.From, sw.Why, sw.To, sw.Call)
		}
		return b.String()
	}
	return r.Output + "\x00" + r.End
}

// Sweep runs the system once per run in runs, in parallel, and groups the
// results.
func (s *System) Sweep(runs []Run, o Options) (*Report, error) {
	rep, _, err := s.sweep(runs, o)
	return rep, err
}

func (s *System) sweep(runs []Run, o Options) (*Report, []*Result, error) {
	jobs := o.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	jobs = min(jobs, max(len(runs), 1))
	results := make([]*Result, len(runs))
	var (
		next     atomic.Int64
		done     int
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(runs) {
					return
				}
				r, err := s.RunOne(runs[i], o.ByEvents)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("seed %d: %v", runs[i].Seed, err)
					next.Store(int64(len(runs)))
				}
				results[i] = r
				done++
				if o.Progress != nil {
					o.Progress(done, len(runs))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, nil, firstErr
	}
	return group(results, o.ByEvents, s.Calls), results, nil
}

// group makes the report: outcomes by count, ties broken by the smallest
// run, so it depends only on the results.
func group(results []*Result, byEvents bool, calls map[int]string) *Report {
	rep := &Report{Runs: len(results), ByEvents: byEvents, calls: calls}
	by := map[string]*Outcome{}
	outs := map[*Outcome]map[string]bool{}
	sorted := append([]*Result(nil), results...)
	sort.Slice(sorted, func(i, j int) bool { return less(sorted[i].Run, sorted[j].Run) })
	for _, r := range sorted {
		k := r.key(byEvents)
		oc := by[k]
		if oc == nil {
			oc = &Outcome{Key: k, Output: r.Output, End: r.End, Switches: r.Switches, First: r.Run}
			by[k] = oc
			rep.Outcomes = append(rep.Outcomes, oc)
		}
		oc.Count++
		oc.Runs = append(oc.Runs, r.Run)
		if outs[oc] == nil {
			outs[oc] = map[string]bool{}
		}
		outs[oc][r.Output+"\x00"+r.End] = true
		oc.Outputs = len(outs[oc])
	}
	sort.SliceStable(rep.Outcomes, func(i, j int) bool {
		a, b := rep.Outcomes[i], rep.Outcomes[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return less(a.First, b.First)
	})
	return rep
}

func less(a, b Run) bool {
	if a.Seed != b.Seed {
		return a.Seed < b.Seed
	}
	if a.Period != b.Period {
		return a.Period < b.Period
	}
	return a.Phase < b.Phase
}

// Seeds is the runs for seeds lo..hi.
func Seeds(lo, hi uint64) []Run {
	var runs []Run
	for s := lo; s <= hi && s >= lo; s++ {
		runs = append(runs, Run{Seed: s})
	}
	return runs
}
