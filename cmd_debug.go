package main

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"v6vm/tools/boot"
	"v6vm/tools/debug"
	"v6vm/tools/trace"
	"v6vm/v6vm"
)

func init() {
	c := &command{name: "debug", usage: "[flags] PROG.c|SCENARIO [args...]",
		short: "debug the kernel and a program, gdb-style, with reverse execution"}
	c.run = func(args []string) int { return runDebug(c, args) }
	register(c)
}

func runDebug(c *command, args []string) int {
	flags := newFlags(c, `Boots the kernel with PROG as init's child, as v6vm run does, and stops
at power-on; commands on standard input (typed, or a script piped in)
run it. Breakpoints go on kernel functions and lines (kernel/*.go), on
the program's functions and lines (a program's hold only in processes
running it), and on kernel events (a switch to a process, a system call,
a sleep, an exit...). step goes by source line, from the program into
the kernel across int 0x80 and interrupts; bt shows the kernel frames,
then the user frames under the trap; bt PID shows another process's
stack from the context saved in its ppda; ps the process table; swtch
runs to the next context switch. Runs are deterministic, so
reverse-stepi, reverse-step and restart re-execute from power-on to the
instruction wanted. "help" lists the commands.

PROG may be a scenario file (examples/scenarios): the program with its
seed, arguments, input and breakpoints. Its trace events are printed only
with --trace, which prints kernel events among the session. --script FILE
runs a file of commands first, echoed as they run: a demonstration as a
transcript. Then commands come from standard input; at its end the
session ends.

The debugger only reads: the run is the one v6vm run and v6vm trace give
for the same seed. Flags may follow PROG; put program arguments that
begin with '-' after --.`)
	seed := flags.Uint64("seed", 0, "seed for the clock's jitter")
	events := flags.StringSlice("trace", nil, "kernel events to print among the session: "+strings.Join(trace.Classes(), ","))
	scripts := flags.StringArray("script", nil, "run this file's commands first (repeatable)")
	phase := flags.Uint32("phase", 0, "delay the first clock tick by this many instructions")
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
	explicitTrace := flags.Changed("trace")
	sc, progArgs, input, err := applyScenario(flags)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm debug: %v\n", err)
		return 2
	}
	if !explicitTrace {
		*events = nil // a scenario's trace is for run and trace; here only --trace
	}
	path := flags.Arg(0)
	sys, err := buildSystem(path, progArgs)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm debug: %v\n", err)
		return 1
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	cfg := debug.Config{
		Kernel: sys.Kernel,
		Info:   sys.Info,
		Boot:   sys.Boot,
		Options: boot.Options{Seed: *seed, MaxInstructions: *maxInst, TickPeriod: *tick, TickJitter: *jitter,
			TickPhase: *phase, MemSize: *mem << 20, Input: input, Disk: sys.Disk},
		Src:     sourceTree(),
		Sources: map[string][]byte{},
		Trace:   *events,
		Out:     os.Stdout,
	}
	for _, f := range sys.Boot.Files { // init and the program
		n := strings.TrimPrefix(f.Name, "/")
		if n == name {
			cfg.Programs = append([]debug.Program{{Name: n, Exe: f.Exe}}, cfg.Programs...)
		} else {
			cfg.Programs = append(cfg.Programs, debug.Program{Name: n, Exe: f.Exe})
		}
	}
	if sc != nil {
		cfg.Sources[sc.File] = sc.Program
		for _, b := range sc.Breaks {
			cfg.Commands = append(cfg.Commands, "break "+b)
		}
	} else if text, err := os.ReadFile(path); err == nil {
		cfg.Sources[path] = text
	}
	for _, s := range *scripts {
		text, err := os.ReadFile(s)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm debug: %v\n", err)
			return 1
		}
		cfg.Commands = append(cfg.Commands, strings.Split(string(text), "\n")...)
	}
	stdin, _ := os.Stdin.Stat()
	cfg.Echo = stdin == nil || stdin.Mode()&os.ModeCharDevice == 0
	cfg.Interruptible = !cfg.Echo // typed at a terminal: ^C stops the run
	d, err := debug.New(cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm debug: %v\n", err)
		return 1
	}
	if cfg.Interruptible {
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, os.Interrupt)
		defer signal.Stop(sigs)
		go func() {
			for range sigs {
				d.Interrupt()
			}
		}()
	}
	if err := d.Run(os.Stdin); err != nil {
		fmt.Fprintf(os.Stderr, "v6vm debug: %v\n", err)
		return 1
	}
	return 0
}
