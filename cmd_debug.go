package main

import (
	"fmt"
	"os"
	"strings"

	"v6vm/tools/boot"
	"v6vm/tools/trace"
	"v6vm/v6vm"
)

func init() {
	c := &command{name: "debug", usage: "[flags] PROG.c [args...]",
		short: "run a program, stopping at kernel functions and events to look at stacks and processes"}
	c.run = func(args []string) int { return runDebug(c, args) }
	register(c)
}

func runDebug(c *command, args []string) int {
	flags := newFlags(c, `Runs PROG as v6vm run does, under a debugger that stops at breakpoints —
a kernel function or source line, or a kernel event: a switch to a
process, a system call, a sleep, an exit — and there shows the running
process's core stack, any other process's saved stack, the process table,
registers and memory. It stops first at power-on. Type help for the
commands.

--script FILE runs a scenario first: commands, one a line, # comments,
echoed as they run (a lecture's demonstration as a transcript); then
commands are read from standard input. When there are none left the run
goes on to its end. For example:

    break swtch to pid 3
    continue
    bt
    stack 2
    ps

The debugger only reads: the run is the one v6vm run and v6vm trace give
for the same --seed.`)
	seed := flags.Uint64("seed", 0, "seed for the clock's jitter")
	scripts := flags.StringArray("script", nil, "run this scenario's commands first (repeatable)")
	phase := flags.Uint32("phase", 0, "delay the first clock tick by this many instructions")
	maxInst := flags.Uint64("max-instructions", 2_000_000_000, "stop after this many instructions (0: no limit)")
	tick := flags.Uint32("tick", boot.DefaultTick, "instructions per clock tick")
	jitter := flags.Uint32("jitter", boot.DefaultJitter, "up to this many more instructions per tick, drawn from the seed")
	mem := flags.Uint32("mem", v6vm.DefaultMemSize>>20, "physical memory in MiB")
	flags.SetInterspersed(false)
	if done, status := parseFlags(flags, args); done {
		return status
	}
	if flags.NArg() < 1 {
		flags.Usage()
		return 2
	}
	sys, err := buildSystem(flags.Arg(0), flags.Args()[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm debug: %v\n", err)
		return 1
	}
	d, err := trace.NewDebugger(sys.Info, sourceTree(), os.Stdout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm debug: %v\n", err)
		return 1
	}
	for _, s := range *scripts {
		text, err := os.ReadFile(s)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm debug: %v\n", err)
			return 1
		}
		d.Script(strings.NewReader(string(text)))
	}
	st, err := os.Stdin.Stat()
	d.Input(os.Stdin, err == nil && st.Mode()&os.ModeCharDevice != 0)
	opt := boot.Options{Seed: *seed, MaxInstructions: *maxInst, TickPeriod: *tick, TickJitter: *jitter,
		TickPhase: *phase, MemSize: *mem << 20, Disk: append([]byte(nil), sys.Disk...), Hooks: d.Hooks()}
	r, m, err := boot.Run(sys.Kernel, sys.Boot, opt)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm debug: %v\n", err)
		return 1
	}
	d.Flush(m)
	switch r.Kind {
	case boot.Program, boot.Shutdown:
		fmt.Printf("%s after %d instructions\n", r, r.Icount)
	case boot.Panic:
		fmt.Fprintf(os.Stderr, "%s\nkernel panic; backtrace:\n%s", r.Log, r.Backtrace)
	default:
		if r.Err != trace.ErrQuit {
			fmt.Fprintf(os.Stderr, "%sv6vm debug: %s after %d instructions\n", r.Log, r, r.Icount)
		}
	}
	return r.ExitCode()
}
