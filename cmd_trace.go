package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"v6vm/tools/boot"
	"v6vm/tools/trace"
	"v6vm/v6vm"
)

func init() {
	c := &command{name: "trace", usage: "[flags] PROG.c [args...]",
		short: "run a program and explain what the kernel did, as text, JSON or pictures"}
	c.run = func(args []string) int { return runTrace(c, args) }
	register(c)
}

func runTrace(c *command, args []string) int {
	flags := newFlags(c, `Runs PROG as v6vm run does and prints the kernel's events on standard
output, one per line with the virtual time (instructions executed), the
program's own output lines among them in time order: every switch with
the candidates' p_pri/p_cpu/p_nice and why the winner won, the stack the
switched-in process resumes on, system calls, sleeps, wakeups, clock
ticks and the once-a-second recomputation, exits, exec, signals.

--trace-format json prints the same events as JSON lines.

--svg FILE draws a timeline of the run: a lane per process, bars where
it ran, with system calls, sleeps, wakeups, output lines, clock ticks and
seconds marked; from the program's exec to the end unless --svg-from and
--svg-to (instruction counts, as the trace lines show them) choose a
window. With --stacks-at "first swtch to pid 3" it draws instead
the core stacks of that process and of its parent at that moment, side by
side: frames, saved EBPs and return addresses, u_rsav, the trap frame with
the saved EAX that fork returns.

The same --seed gives the same run as v6vm run and v6vm explore (with the
same standard input, which is the program's console input when it is a pipe
or a file). Flags may follow PROG; put program arguments that begin with
'-' after --.`)
	seed := flags.Uint64("seed", 0, "seed for the clock's jitter")
	events := flags.StringSlice("trace", []string{"all"}, "events to print: "+strings.Join(trace.Classes(), ","))
	format := flags.String("trace-format", "text", "text or json")
	svgFile := flags.String("svg", "", "write a picture (a timeline, or the stacks of --stacks-at) to this file")
	svgFrom := flags.String("svg-from", "exec", "where the timeline starts: exec (the program's exec, after boot), or an instruction count (0: power-on)")
	svgTo := flags.Uint64("svg-to", 0, "where the timeline ends, in instructions (0: the end of the run)")
	stacksAt := flags.String("stacks-at", "", `draw the stacks at this moment: "first swtch to pid N" (or second, 3rd, ...)`)
	phase := flags.Uint32("phase", 0, "delay the first clock tick by this many instructions (explore --systematic's phases; use with --jitter 0)")
	maxInst := flags.Uint64("max-instructions", 2_000_000_000, "stop after this many instructions (0: no limit)")
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
	_, progArgs, scInput, scErr := applyScenario(flags) // a scenario file sets flags, args and input
	if scErr != nil {
		fmt.Fprintf(os.Stderr, "v6vm trace: %v\n", scErr)
		return 2
	}

	var sel *trace.StackSelector
	if *stacksAt != "" {
		var err error
		if sel, err = trace.ParseStackSelector(*stacksAt); err != nil {
			fmt.Fprintf(os.Stderr, "v6vm trace: --stacks-at: %v\n", err)
			return 2
		}
		if *svgFile == "" {
			fmt.Fprintf(os.Stderr, "v6vm trace: --stacks-at needs --svg FILE\n")
			return 2
		}
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var printer trace.Sink
	switch *format {
	case "text":
		printer = trace.Text(out)
	case "json":
		printer = trace.JSON(out)
	default:
		fmt.Fprintf(os.Stderr, "v6vm trace: --trace-format %q: want text or json\n", *format)
		return 2
	}
	printer, err := trace.Filter(*events, printer)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm trace: %v\n", err)
		return 2
	}
	sys, err := buildSystem(flags.Arg(0), progArgs)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm trace: %v\n", err)
		return 1
	}
	rec := &trace.Recorder{}
	tr, err := trace.New(sys.Info, sourceTree(), []string{"all"}, printer, rec)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm trace: %v\n", err)
		return 2
	}
	if sel != nil {
		tr.SnapshotAt(sel)
	}
	opt := boot.Options{Seed: *seed, MaxInstructions: *maxInst, TickPeriod: *tick, TickJitter: *jitter,
		TickPhase: *phase, MemSize: *mem << 20, Disk: append([]byte(nil), sys.Disk...), Hooks: tr.Hooks()}
	if err := programInput(&opt, scInput); err != nil {
		fmt.Fprintf(os.Stderr, "v6vm trace: %v\n", err)
		return 1
	}
	r, m, err := boot.Run(sys.Kernel, sys.Boot, opt)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm trace: %v\n", err)
		return 1
	}
	tr.Flush(m)
	switch r.Kind {
	case boot.Program, boot.Shutdown:
	case boot.Panic:
		fmt.Fprintf(os.Stderr, "%s\nkernel panic; backtrace:\n%s", r.Log, r.Backtrace)
	default:
		fmt.Fprintf(os.Stderr, "%sv6vm trace: %s after %d instructions\n", r.Log, r, r.Icount)
	}
	if *svgFile != "" {
		f, err := os.Create(*svgFile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm trace: %v\n", err)
			return 1
		}
		name := filepath.Base(flags.Arg(0))
		if sel != nil {
			snap := tr.Snapshot()
			if snap == nil {
				f.Close()
				os.Remove(*svgFile)
				fmt.Fprintf(os.Stderr, "v6vm trace: the run never reached %q\n", sel.Text)
				return 1
			}
			err = trace.StackPicture(f, snap)
		} else {
			from := uint64(0)
			if *svgFrom == "exec" {
				// init is pid 1; the program is its child, pid 2.
				for _, e := range rec.Events {
					if e.Kind == trace.KExec && e.Pid >= 2 {
						from = e.Time
						break
					}
				}
			} else if from, err = strconv.ParseUint(*svgFrom, 0, 64); err != nil {
				fmt.Fprintf(os.Stderr, "v6vm trace: --svg-from %q: want exec or an instruction count\n", *svgFrom)
				return 2
			}
			to := r.Icount
			if *svgTo != 0 && *svgTo < to {
				to = *svgTo
			}
			if from >= to {
				fmt.Fprintf(os.Stderr, "v6vm trace: the timeline from %d to %d is empty\n", from, to)
				return 2
			}
			title := fmt.Sprintf("%s — seed %d, instructions %d to %d", strings.Join(append([]string{name}, progArgs...), " "), *seed, from, to)
			var shown []trace.Event
			for _, e := range rec.Events {
				if e.Time <= to {
					shown = append(shown, e)
				}
			}
			err = trace.Timeline(f, title, shown, from, to)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm trace: %v\n", err)
			return 1
		}
	}
	return r.ExitCode()
}
