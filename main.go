// Command v6vm boots and studies UNIX V6++ on the v6vm virtual machine.
//
// Each subcommand lives in a cmd_*.go file beside this one and registers
// itself in commands; this file only dispatches.
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// A command is one subcommand: `v6vm NAME args...`.
type command struct {
	name  string
	usage string // one line: arguments
	short string // one line: what it does
	run   func(args []string) int
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return c.run([]string{"--help"})
			}
		}
		usage(os.Stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(os.Stderr, "v6vm: unknown command %q\n", args[0])
		usage(os.Stderr)
		return 2
	}
	return c.run(args[1:])
}

func usage(w *os.File) {
	fmt.Fprintln(w, "v6vm: UNIX V6++ on a virtual machine of its own.")
	fmt.Fprintln(w, "\nUsage: v6vm COMMAND [flags] [args]\n\nCommands:")
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  %-8s %s\n", n, c.short)
	}
	fmt.Fprintln(w, "\nRun 'v6vm COMMAND --help' for a command's flags.")
	_ = strings.TrimSpace
}
