package main

import (
	"fmt"
	"os"

	"strings"

	"v6vm/asm"
	"v6vm/v6vm"
	"v6vm/v6vm/exe"
)

func init() {
	c := &command{name: "exec", usage: "[flags] FILE | FILE.s...", short: "run a bare-metal program on the machine"}
	c.run = func(args []string) int { return runExec(c, args) }
	register(c)
}

func runExec(c *command, args []string) int {
	fs := newFlags(c, `Loads FILE (a v6vm executable, e.g. from 'v6vm asm'; or assembly files,
which are assembled first) at its load address and starts it in kernel mode with paging and interrupts off. The console goes
to standard output; the command exits with the status the program writes to
the power-off port (0xF4). If the machine stops any other way (halted,
double fault, instruction limit) the reason goes to standard error and the
exit status is 1.`)
	trace := fs.Bool("trace", false, "print every instruction (symbol, disassembly, registers changed) and trap to standard error")
	seed := fs.Uint64("seed", 0, "seed for the timer's jitter: the same seed reproduces the run exactly")
	maxInst := fs.Uint64("max-instructions", 0, "stop after this many instructions (0: no limit)")
	mem := fs.Uint32("mem", v6vm.DefaultMemSize>>20, "physical memory in MiB")
	input := fs.String("input", "", "console input, delivered a byte at a time as the machine idles")
	if done, status := parseFlags(fs, args); done {
		return status
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	path := fs.Arg(0)
	f, err := loadProgram(fs.Args())
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm exec: %v\n", err)
		return 1
	}
	m := v6vm.New(v6vm.Config{Console: os.Stdout, Seed: *seed, MaxInstructions: *maxInst, MemSize: *mem << 20, Input: []byte(*input)})
	if err := m.Load(f); err != nil {
		fmt.Fprintf(os.Stderr, "v6vm exec: %s: %v\n", path, err)
		return 1
	}
	var tr *v6vm.Tracer
	if *trace {
		tr = v6vm.NewTracer(os.Stderr, f)
		m.SetHooks(tr.Hooks())
	}
	status, err := m.Run()
	if tr != nil {
		tr.Flush(m)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm exec: %s: machine stopped: %v (after %d instructions)\n", path, err, m.Icount)
		return 1
	}
	return status
}

// loadProgram reads an executable, or assembles .s files into one.
func loadProgram(paths []string) (*exe.File, error) {
	if strings.HasSuffix(paths[0], ".s") {
		return asm.AssembleFiles(paths, asm.Options{})
	}
	if len(paths) > 1 {
		return nil, fmt.Errorf("one executable at a time (got %d files)", len(paths))
	}
	b, err := os.ReadFile(paths[0])
	if err != nil {
		return nil, err
	}
	f, err := exe.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", paths[0], err)
	}
	return f, nil
}
