package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"v6vm/asm"
	"v6vm/tools/boot"
	"v6vm/tools/build"
	v6fs "v6vm/tools/fs"
	"v6vm/tools/scenario"
	"v6vm/tools/trace"
	"v6vm/v6vm"
	"v6vm/v6vm/exe"
)

func init() {
	c := &command{name: "run", usage: "[flags] PROG.c|PROG.s|EXECUTABLE [args...]",
		short: "run a program under the kernel"}
	c.run = func(args []string) int { return runRun(c, args) }
	register(c)
}

func runRun(c *command, args []string) int {
	flags := newFlags(c, `Boots the kernel and runs PROG as a child of init, with args. A C or
assembly file is compiled and linked with the C library first.

The program runs from a fresh copy of the system's disk (V6++'s file
system, 8 MiB: init, the commands in /bin, /dev/tty, /tmp) with PROG
added at /NAME, so it can make files and exec the commands. --disk FILE uses and keeps an image
instead (v6vm mkfs makes one; a missing FILE is made with init and PROG):
PROG may then also be a path on it, such as /bin/ls.

Standard input, when it is a pipe or a file, is the program's console
input (not echoed; its end is end of file): printf '1 2\n' | v6vm run
sum.c. A scenario file's input lines are typed instead. On a terminal the
keys go to the program as they are typed, as in v6vm boot (^C, ^\ and ^D
are the kernel's; ^] quits), and idle time (sleep) passes at the wall
clock's pace.

Standard output carries only the program's output. The command exits with
the program's exit status, or 128+N if signal N killed it, as a shell
reports. Kernel messages go to standard error with --verbose, and always
after a kernel panic, with a backtrace.

The clock ticks every --tick instructions plus up to --jitter more, drawn
from --seed: the same seed reproduces a run exactly, byte for byte and
event for event; other seeds move the ticks and may change the order in
which processes print.

--trace prints kernel events to standard error, one line each with the
virtual time (instructions executed): swtch (every Select with the
candidates and why the winner won, and the switched-in process's core
stack), syscall (strace-style), sleep, wakeup, clock (the once-a-second
recomputation), exit, exec, signal, tick (clock interrupts), output (the
program's lines, in time order among the events), or all; as JSON lines
with --trace-format json. v6vm trace prints all of them on standard output
and draws pictures.

--profile N counts the instructions the kernel executes, from boot to
power-off, and prints on standard error the N kernel functions and the N
source lines that executed most (user mode is one line): where a system
call's time goes. Counting slows the run about tenfold and changes
nothing in it.`)
	seed := flags.Uint64("seed", 0, "seed for the clock's jitter")
	events := flags.StringSlice("trace", nil, "kernel events to trace: "+strings.Join(trace.Classes(), ","))
	format := flags.String("trace-format", "text", "--trace as text or json (lines)")
	verbose := flags.BoolP("verbose", "v", false, "show kernel messages")
	maxInst := flags.Uint64("max-instructions", 2_000_000_000, "stop after this many instructions (0: no limit)")
	tick := flags.Uint32("tick", boot.DefaultTick, "instructions per clock tick")
	jitter := flags.Uint32("jitter", boot.DefaultJitter, "up to this many more instructions per tick, drawn from the seed")
	cow := flags.Bool("cow", false, "fork copies on write: the child shares the parent's pages until one of them writes (V6++ always copies)")
	mem := flags.Uint32("mem", v6vm.DefaultMemSize>>20, "physical memory in MiB")
	profile := flags.Int("profile", 0, "print the N kernel functions and source lines that executed the most instructions")
	diskFile := flags.String("disk", "", "the disk image to use and keep (made with init and PROG if missing); PROG may then be a path on it")
	flags.SetInterspersed(false)
	if done, status := parseFlags(flags, args); done {
		return status
	}
	if flags.NArg() < 1 {
		flags.Usage()
		return 2
	}
	_, progArgs, scInput, err := applyScenario(flags) // a scenario file sets flags, args and input
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm run: %v\n", err)
		return 2
	}

	src := sourceTree()
	kernel, err := build.CachedKernel(src)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm run: building the kernel: %v\n", err)
		return 1
	}
	initProg, err := build.UserProgram(src, "init")
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm run: building init: %v\n", err)
		return 1
	}
	path := flags.Arg(0)
	// The disk: a fresh one with init and the program, or --disk's image.
	// The boot image carries them too, for a disk the kernel refuses.
	var disk []byte
	name := "/" + strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	files := []build.BootFile{{Name: "/init", Exe: initProg}}
	if *diskFile != "" {
		if d, err := os.ReadFile(*diskFile); err == nil {
			disk = d
			if m, err := v6fs.Open(d); err == nil && strings.HasPrefix(path, "/") {
				if _, _, err := m.Stat(path); err == nil {
					name = path // a program on the disk
				}
			}
		} else if !os.IsNotExist(err) {
			fmt.Fprintf(os.Stderr, "v6vm run: %v\n", err)
			return 1
		}
	}
	if name != path {
		prog, err := buildProgram(src, path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%v\n", err)
			return 1
		}
		files = append(files, build.BootFile{Name: name, Exe: prog})
		if disk == nil {
			disk, err = build.ProgramDisk(src, name, prog)
			if err != nil {
				fmt.Fprintf(os.Stderr, "v6vm run: %v\n", err)
				return 1
			}
		}
	}
	cfg := build.BootConfig{
		Cmdline: strings.Join(append([]string{"/init", name}, progArgs...), " "),
		Files:   files,
	}
	opt := boot.Options{Console: os.Stdout, Seed: *seed, MaxInstructions: *maxInst,
		TickPeriod: *tick, TickJitter: *jitter, MemSize: *mem << 20, Disk: disk, COW: *cow}
	if fd := int(os.Stdin.Fd()); scInput == nil && isTerminal(fd) {
		// The terminal is the console, as in v6vm boot: keys reach the
		// program as they are typed (^C, ^\ and ^D are the kernel's;
		// ^] quits), and idle time passes at the wall clock's pace.
		if restore, ok := makeRaw(fd); ok {
			defer restore()
		}
		interactive(&opt, os.Stdin, *tick+*jitter/2)
	} else if err := programInput(&opt, scInput); err != nil {
		fmt.Fprintf(os.Stderr, "v6vm run: %v\n", err)
		return 1
	}
	if *verbose {
		opt.Log = os.Stderr
	}
	if len(*events) > 0 {
		k, err := trace.NewKernel(src, kernel)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm run: %v\n", err)
			return 1
		}
		sink := trace.Text(os.Stderr)
		switch *format {
		case "json":
			sink = trace.JSON(os.Stderr)
		case "text":
		default:
			fmt.Fprintf(os.Stderr, "v6vm run: --trace-format %q: want text or json\n", *format)
			return 2
		}
		tr, err := trace.New(k, src, *events, sink)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm run: %v\n", err)
			return 2
		}
		opt.Hooks = tr.Hooks()
		defer tr.Flush(nil)
	}
	if *profile > 0 {
		prof := trace.NewProfile(kernel)
		opt.Hooks.Step = prof.Step
		defer func() {
			prof.Write(os.Stderr, 1, *profile)
			fmt.Fprintln(os.Stderr)
			prof.WriteSourceLines(os.Stderr, 1, *profile)
		}()
	}
	r, _, err := boot.Run(kernel, cfg, opt)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm run: %v\n", err)
		return 1
	}
	if *diskFile != "" {
		if err := os.WriteFile(*diskFile, disk, 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "v6vm run: %v\n", err)
			return 1
		}
	}
	switch {
	case r.Kind == boot.Program, r.Kind == boot.Shutdown:
	case errors.Is(r.Err, errQuit):
		fmt.Fprintf(os.Stderr, "\r\nv6vm: %v\r\n", errQuit)
	case r.Kind == boot.Panic:
		fmt.Fprintf(os.Stderr, "%s\nkernel panic; backtrace:\n%s", r.Log, r.Backtrace)
	default:
		if !*verbose {
			fmt.Fprint(os.Stderr, r.Log)
		}
		fmt.Fprintf(os.Stderr, "v6vm run: %s after %d instructions\n", r, r.Icount)
	}
	return r.ExitCode()
}

// buildProgram compiles a C or assembly file, or reads an executable.
func buildProgram(src fs.FS, path string) (*exe.File, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if scenario.Is(text) {
		sc, err := scenario.Parse(path, text)
		if err != nil {
			return nil, err
		}
		return build.UserC(src, asm.Source{Name: sc.File, Text: sc.Program})
	}
	switch filepath.Ext(path) {
	case ".c", ".s":
		return build.UserC(src, asm.Source{Name: path, Text: text})
	}
	f, err := exe.Parse(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return f, nil
}
