package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/tools/explore"
	"v6vm/tools/trace"
	"v6vm/v6vm"
)

func init() {
	c := &command{name: "explore", usage: "[flags] PROG.c [args...] [--seeds LO-HI]",
		short: "run a program under many seeds and list every distinct output"}
	c.run = func(args []string) int { return runExplore(c, args) }
	register(c)
}

func runExplore(c *command, args []string) int {
	flags := newFlags(c, `Builds the system and PROG once, then runs PROG under each seed of --seeds,
in parallel on --jobs workers, each run on its own machine. Prints every
distinct output with how many runs printed it, their share, and the
smallest seed that reproduces it (v6vm run --seed N shows that run, v6vm
trace --seed N explains it). The report does not depend on --jobs.

--by-events groups the runs by their context switches instead of their
output: which process gave up the processor, why (it slept, gave way to a
better priority, exited), and which one Select chose.

--systematic does not draw ticks from seeds: the clock ticks exactly every
period, and each run delays the first tick by another phase in
0..period-1, which moves a tick across every point of the program. It does
so for --periods periods spread over the seeded clock's range (10000 to
20000 instructions by default), since how many ticks land before a system
call also decides; --periods 1 sweeps the one period --tick (default the
mean, 15000). Each period gets its share of --budget: with a share of at
least the period every phase is run; else half the share samples the
phases evenly and the rest narrows down where the outcome changes. Reports
list the periods and phases of each outcome. A tick's own jitter is not
swept: seeds vary it, so use both.

PROG may be a scenario file (its arguments, clock and input apply).
Standard input, when it is a pipe or a file, is every run's console input
(give the replay the same). Flags may follow PROG; put program arguments
that begin with '-' after --. A progress bar goes to standard error when it
is a terminal.`)
	seeds := flags.String("seeds", "1-100", "seeds to run: LO-HI, or N, or a comma-separated list of these")
	jobs := flags.IntP("jobs", "j", runtime.NumCPU(), "runs in parallel")
	byEvents := flags.Bool("by-events", false, "group by the sequence of context switches, not by output")
	systematic := flags.Bool("systematic", false, "place the clock tick at every phase instead of drawing from seeds")
	budget := flags.Int("budget", 1000, "--systematic: at most this many runs")
	nPeriods := flags.Int("periods", 8, "--systematic: sweep this many clock periods, spread over the seeded clock's range [tick, tick+jitter], each with its share of the budget")
	maxInst := flags.Uint64("max-instructions", 200_000_000, "stop a run after this many instructions")
	tick := flags.Uint32("tick", boot.DefaultTick, "instructions per clock tick")
	jitter := flags.Uint32("jitter", boot.DefaultJitter, "up to this many more instructions per tick, drawn from the seed")
	mem := flags.Uint32("mem", v6vm.DefaultMemSize>>20, "physical memory in MiB")
	if done, status := parseFlags(flags, args); done {
		return status
	}
	if flags.NArg() < 1 {
		flags.Usage()
		return 2
	}
	_, progArgs, scInput, err := applyScenario(flags) // a scenario file sets flags, args and input
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm explore: %v\n", err)
		return 2
	}
	sys, err := buildSystem(flags.Arg(0), progArgs)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm explore: %v\n", err)
		return 1
	}
	sys.Opt = boot.Options{MaxInstructions: *maxInst, TickPeriod: *tick, TickJitter: *jitter, MemSize: *mem << 20}
	if err := programInput(&sys.Opt, scInput); err != nil {
		fmt.Fprintf(os.Stderr, "v6vm explore: %v\n", err)
		return 1
	}
	if *systematic {
		sys.Opt.TickJitter = 0
		if !flags.Changed("tick") {
			// The seeded clock's mean period.
			sys.Opt.TickPeriod = boot.DefaultTick + boot.DefaultJitter/2
		}
		*tick = sys.Opt.TickPeriod
	}
	// Each run allocates a few MiB (the machine's decoded-code cache, the
	// boot image) and keeps none of it: collecting less often makes a
	// sweep half again as fast.
	debug.SetGCPercent(400)
	o := explore.Options{Jobs: *jobs, ByEvents: *byEvents}
	bar := newProgress(os.Stderr)
	o.Progress = bar.update
	start := time.Now()
	var rep *explore.Report
	what := ""
	if *systematic {
		periods := []uint32{*tick}
		if *nPeriods > 1 {
			// The seeded clock's range, as the --tick and --jitter
			// flags give it.
			lo, span := uint32(boot.DefaultTick), uint32(boot.DefaultJitter)
			if flags.Changed("tick") {
				lo = *tick
			}
			if flags.Changed("jitter") {
				span = *jitter
			}
			periods = periods[:0]
			for i := 0; i < *nPeriods; i++ {
				periods = append(periods, lo+uint32(uint64(span)*uint64(i)/uint64(*nPeriods-1)))
			}
			what = fmt.Sprintf("phases of %d clock periods from %d to %d, budget %d", *nPeriods, lo, lo+span, *budget)
		} else {
			what = fmt.Sprintf("phases of a %d-instruction tick, budget %d", *tick, *budget)
		}
		rep, err = sys.Systematic(periods, *budget, o)
	} else {
		var runs []explore.Run
		runs, err = parseSeeds(*seeds)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm explore: --seeds: %v\n", err)
			return 2
		}
		what = "seeds " + *seeds
		rep, err = sys.Sweep(runs, o)
	}
	bar.done()
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm explore: %v\n", err)
		return 1
	}
	el := time.Since(start)
	prog := strings.Join(flags.Args(), " ")
	if len(flags.Args()) > 1 && strings.HasPrefix(flags.Arg(1), "-") {
		prog = flags.Arg(0) + " -- " + strings.Join(flags.Args()[1:], " ")
	}
	clock := ""
	if *tick != boot.DefaultTick || (!*systematic && *jitter != boot.DefaultJitter) {
		clock = fmt.Sprintf("--tick %d ", *tick)
	}
	if !*systematic && *jitter != boot.DefaultJitter {
		clock += fmt.Sprintf("--jitter %d ", *jitter)
	}
	rep.Replay = func(r explore.Run) string {
		if *systematic {
			return fmt.Sprintf("v6vm trace --jitter 0 --tick %d --phase %d %s", r.Period, r.Phase, prog)
		}
		return fmt.Sprintf("v6vm trace %s--seed %d %s", clock, r.Seed, prog)
	}
	fmt.Printf("%s, %s: ", strings.Join(flags.Args(), " "), what)
	rep.Write(os.Stdout)
	fmt.Fprintf(os.Stderr, "v6vm explore: %d runs in %.2fs (%.0f runs/s, %d jobs)\n",
		rep.Runs, el.Seconds(), float64(rep.Runs)/el.Seconds(), *jobs)
	return 0
}

// buildSystem builds the kernel, init and the program at path, with init's
// command line running it with args.
func buildSystem(path string, args []string) (*explore.System, error) {
	src := sourceTree()
	kernel, err := build.Kernel(src)
	if err != nil {
		return nil, fmt.Errorf("building the kernel: %v", err)
	}
	initProg, err := build.UserProgram(src, "init")
	if err != nil {
		return nil, fmt.Errorf("building init: %v", err)
	}
	prog, err := buildProgram(src, path)
	if err != nil {
		return nil, err
	}
	info, err := trace.NewKernel(src, kernel)
	if err != nil {
		return nil, err
	}
	calls, err := trace.SyscallNames(src)
	if err != nil {
		return nil, err
	}
	// As v6vm run boots: the program on the system's disk and in the boot
	// image, so that a seed means the same run in every command.
	name := "/" + strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	disk, err := build.ProgramDisk(src, name, prog)
	if err != nil {
		return nil, err
	}
	return &explore.System{Kernel: kernel, Info: info, Calls: calls, Disk: disk,
		Boot: build.BootConfig{
			Cmdline: strings.Join(append([]string{"/init", name}, args...), " "),
			Files:   []build.BootFile{{Name: "/init", Exe: initProg}, {Name: name, Exe: prog}},
		}}, nil
}

// parseSeeds reads "1-1000", "7" or "1-10,20,30-40".
func parseSeeds(s string) ([]explore.Run, error) {
	var runs []explore.Run
	for _, part := range strings.Split(s, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, err := strconv.ParseUint(lo, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("bad seed %q", lo)
		}
		b := a
		if isRange {
			if b, err = strconv.ParseUint(hi, 10, 64); err != nil || b < a {
				return nil, fmt.Errorf("bad seed range %q", part)
			}
		}
		if b-a >= 10_000_000 {
			return nil, fmt.Errorf("seed range %q is too long", part)
		}
		runs = append(runs, explore.Seeds(a, b)...)
	}
	return runs, nil
}

// progress draws a progress bar on a terminal, and nothing elsewhere.
type progress struct {
	f     *os.File
	tty   bool
	start time.Time
	last  time.Time
	drawn bool
}

func newProgress(f *os.File) *progress {
	st, err := f.Stat()
	return &progress{f: f, tty: err == nil && st.Mode()&os.ModeCharDevice != 0, start: time.Now()}
}

func (p *progress) update(done, total int) {
	if !p.tty || (time.Since(p.last) < 100*time.Millisecond && done < total) {
		return
	}
	p.last = time.Now()
	const width = 40
	n := width * done / max(total, 1)
	rate := float64(done) / time.Since(p.start).Seconds()
	fmt.Fprintf(p.f, "\r[%s%s] %d/%d runs  %.0f/s ", strings.Repeat("#", n), strings.Repeat(".", width-n), done, total, rate)
	p.drawn = true
}

func (p *progress) done() {
	if p.drawn {
		fmt.Fprintf(p.f, "\r%s\r", strings.Repeat(" ", 78))
	}
}
