package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"v6vm/tools/boot"
	"v6vm/tools/scenario"
)

// applyScenario lets a command take a scenario file (tools/scenario) where
// it takes a program: when its first argument is one, the scenario's seed,
// tick, jitter and trace become the values of the command's flags of those
// names that the command line did not set, and its arguments are the
// program's unless the command line gives some. It returns the program's
// arguments and the console input. buildProgram compiles the scenario's
// program.
func applyScenario(flags *pflag.FlagSet) (sc *scenario.Scenario, args []string, input []byte, err error) {
	args = flags.Args()[1:]
	text, rerr := os.ReadFile(flags.Arg(0))
	if rerr != nil || !scenario.Is(text) {
		return nil, args, nil, nil // not a scenario: buildProgram reports a missing file
	}
	if sc, err = scenario.Parse(flags.Arg(0), text); err != nil {
		return nil, nil, nil, err
	}
	set := func(name, value string) error {
		if f := flags.Lookup(name); f != nil && !f.Changed {
			if err := flags.Set(name, value); err != nil {
				return fmt.Errorf("%s: %s: %v", sc.Path, name, err)
			}
		}
		return nil
	}
	var errs []error
	if sc.Seed != nil {
		errs = append(errs, set("seed", strconv.FormatUint(*sc.Seed, 10)))
	}
	if sc.Tick != nil {
		errs = append(errs, set("tick", strconv.FormatUint(uint64(*sc.Tick), 10)))
	}
	if sc.Jitter != nil {
		errs = append(errs, set("jitter", strconv.FormatUint(uint64(*sc.Jitter), 10)))
	}
	if len(sc.Trace) > 0 {
		errs = append(errs, set("trace", strings.Join(sc.Trace, ",")))
	}
	for _, e := range errs {
		if e != nil {
			return nil, nil, nil, e
		}
	}
	if len(args) == 0 {
		args = sc.Args
	}
	return sc, args, sc.Input, nil
}

// programInput sets what the program of run, trace or explore reads from
// the console: the scenario's input lines (typed, so echoed), else standard
// input when it is a pipe or a file (read whole, not echoed, as a program
// reading a file on a real Unix prints only its own output), else nothing.
// The input arrives as the program reads it, and its end is the end of
// input: a program reading to EOF gets it.
func programInput(opt *boot.Options, scInput []byte) error {
	if scInput == nil {
		if isTerminal(int(os.Stdin.Fd())) {
			return nil
		}
		in, err := io.ReadAll(os.Stdin)
		if err != nil {
			return fmt.Errorf("reading standard input: %v", err)
		}
		scInput, opt.NoEcho = in, true
	}
	opt.Input, opt.CloseInput, opt.InputFlow = scInput, true, true
	return nil
}
