package main

import (
	"fmt"
	"os"

	"github.com/spf13/pflag"
)

// newFlags makes the flag set of one subcommand, with a --help that prints
// the command's usage line, description and flags.
func newFlags(c *command, long string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
	// --events is another name for --trace (the lecture tooling's first
	// spelling).
	fs.SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if name == "events" {
			name = "trace"
		}
		return pflag.NormalizedName(name)
	})
	fs.Usage = func() {
		fmt.Fprintf(os.Stderr, "Usage: v6vm %s %s\n\n%s\n", c.name, c.usage, long)
		if fs.HasFlags() {
			fmt.Fprintf(os.Stderr, "\nFlags:\n%s", fs.FlagUsages())
		}
	}
	return fs
}

// parseFlags parses args; it returns done=true with the exit status when the
// command should stop (after --help, or on a bad flag).
func parseFlags(fs *pflag.FlagSet, args []string) (done bool, status int) {
	if err := fs.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			return true, 0
		}
		fmt.Fprintf(os.Stderr, "v6vm %s: %v\n", fs.Name(), err)
		return true, 2
	}
	return false, 0
}
