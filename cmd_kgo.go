package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"v6vm/tools/kgo"
	"v6vm/v6vm"
)

func init() {
	c := &command{name: "kgo", usage: "[-o OUT.s] DIR | --run DIR",
		short: "compile a package of the kernel's Go subset (or run a main package bare metal)"}
	c.run = func(args []string) int { return runKgo(c, args) }
	register(c)
}

func runKgo(c *command, args []string) int {
	fs := newFlags(c, `Compiles the Go package in DIR (its .go files, importing only unsafe and
v6vm/kernel/hw) to v6vm assembly; see "go doc v6vm/tools/kgo" for the subset.
Every error is reported, as FILE:LINE:COL: message, and the exit status is 1.
The package's own .s files (assembly routines for functions declared
without a body) are assembled beside the output; they are not copied into it.

With --run, DIR must hold a package main: it is compiled with kgo's small
bare-metal runtime (stack set-up, println to the console, panics that print
and power off with status 2), assembled, and run on the machine. Its output
goes to standard output and the command exits with the program's status.`)
	out := fs.StringP("output", "o", "", "write the assembly to `FILE` (default: standard output)")
	runIt := fs.Bool("run", false, "compile DIR with the runtime and run it bare metal")
	maxInst := fs.Uint64("max-instructions", 0, "with --run: stop after this many instructions (0: no limit)")
	if done, status := parseFlags(fs, args); done {
		return status
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	if *runIt {
		return kgoRun(fs.Arg(0), *maxInst)
	}
	prog, err := kgo.CompileDir(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var w io.Writer = os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm kgo: %v\n", err)
			return 1
		}
		defer f.Close()
		w = f
	}
	if _, err := io.WriteString(w, prog.Asm); err != nil {
		fmt.Fprintf(os.Stderr, "v6vm kgo: %v\n", err)
		return 1
	}
	return 0
}

// kgoRun compiles, assembles and runs a main package bare metal.
func kgoRun(dir string, maxInst uint64) int {
	x, err := kgo.BareMetal(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, strings.TrimRight(err.Error(), "\n"))
		return 1
	}
	m := v6vm.New(v6vm.Config{Console: os.Stdout, MaxInstructions: maxInst})
	if err := m.Load(x); err != nil {
		fmt.Fprintf(os.Stderr, "v6vm kgo: %v\n", err)
		return 1
	}
	status, err := m.Run()
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm kgo: %s: machine stopped: %v\n", dir, err)
		return 1
	}
	return status
}
