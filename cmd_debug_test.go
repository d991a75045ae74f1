package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"v6vm/tools/scenario"
)

// runAll runs the v6vm command in-process with stdin as standard input and
// returns its exit status, standard output and standard error.
func runAll(t *testing.T, stdin string, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	in, err := os.CreateTemp(t.TempDir(), "stdin")
	if err != nil {
		t.Fatal(err)
	}
	in.WriteString(stdin)
	in.Seek(0, 0)
	defer in.Close()
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	errR, errW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	savedIn, savedOut, savedErr := os.Stdin, os.Stdout, os.Stderr
	os.Stdin, os.Stdout, os.Stderr = in, outW, errW
	outC, errC := make(chan string), make(chan string)
	go func() { b, _ := io.ReadAll(outR); outC <- string(b) }()
	go func() { b, _ := io.ReadAll(errR); errC <- string(b) }()
	status = run(args)
	os.Stdin, os.Stdout, os.Stderr = savedIn, savedOut, savedErr
	outW.Close()
	errW.Close()
	return status, <-outC, <-errC
}

func scenarios(t *testing.T) []*scenario.Scenario {
	t.Helper()
	paths, err := filepath.Glob("examples/scenarios/*.scn")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no scenarios: %v", err)
	}
	var scs []*scenario.Scenario
	for _, p := range paths {
		sc, err := scenario.Load(p)
		if err != nil || sc == nil {
			t.Fatalf("%s: %v (not a scenario?)", p, err)
		}
		scs = append(scs, sc)
	}
	return scs
}

// Each shipped scenario, run as its comment says, prints what its expect
// lines say, in order: the program's output among the kernel events it
// traces. Run twice, it prints the same bytes.
func TestScenariosPrintWhatTheySay(t *testing.T) {
	for _, sc := range scenarios(t) {
		t.Run(sc.Name(), func(t *testing.T) {
			if len(sc.Expect) == 0 {
				t.Fatalf("%s has no expect lines", sc.Path)
			}
			events := strings.Join(append(append([]string(nil), sc.Trace...), "output"), ",")
			status, out, trace := runAll(t, "", "run", "--trace", events, sc.Path)
			if status != 0 {
				t.Errorf("v6vm run %s: exit status %d\n%s", sc.Path, status, trace)
			}
			if missing := sc.CheckOutput(trace); missing != "" {
				t.Errorf("v6vm run --trace %s %s: the trace lacks %q (after the expect lines before it).\n%s",
					events, sc.Path, missing, seedHint(t, sc, events))
			}
			status2, out2, trace2 := runAll(t, "", "run", "--trace", events, sc.Path)
			if status2 != status || out2 != out || trace2 != trace {
				t.Errorf("v6vm run %s twice: the runs differ", sc.Path)
			}
		})
	}
}

// v6vm run takes the scenario's seed and arguments, unless the command
// line gives its own.
func TestRunScenarioUsesItsSettings(t *testing.T) {
	_, out, _ := runAll(t, "", "run", "examples/scenarios/childfirst.scn")
	if out != "child\nparent\n" {
		t.Errorf("childfirst.scn printed %q", out)
	}
	_, out, _ = runAll(t, "", "run", "examples/scenarios/parentfirst.scn")
	if out != "parent\nchild\n" {
		t.Errorf("parentfirst.scn printed %q", out)
	}
	// Arguments: no loop before fork leaves no time for ticks to land.
	_, out, _ = runAll(t, "", "run", "examples/scenarios/childfirst.scn", "0")
	if out != "parent\nchild\n" {
		t.Errorf("childfirst.scn 0 printed %q", out)
	}
	// --seed: some other seed makes the child print first.
	for seed := 1; seed <= 20; seed++ {
		_, out, _ = runAll(t, "", "run", "--seed", strconv.Itoa(seed), "examples/scenarios/parentfirst.scn")
		if out == "child\nparent\n" {
			return
		}
	}
	t.Errorf("parentfirst.scn printed the parent first with every --seed from 1 to 20: is --seed ignored?")
}

// v6vm debug takes a scenario: its breakpoints are set before the script's
// first command, and the session stops at them.
func TestDebugScenarioBreakpoints(t *testing.T) {
	for _, sc := range scenarios(t) {
		if len(sc.Breaks) == 0 {
			continue
		}
		t.Run(sc.Name(), func(t *testing.T) {
			status, out, errs := runAll(t, "continue\nbt\nps\nquit\n", "debug", sc.Path)
			if status != 0 {
				t.Fatalf("v6vm debug %s: status %d\n%s", sc.Path, status, errs)
			}
			for _, want := range []string{
				"(v6vm) break " + sc.Breaks[0] + "\nBreakpoint 1",
				"(v6vm) continue\n",
				"Breakpoint 1, ",
				"[pid ",
				"  PID PPID STAT",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("v6vm debug %s: no %q in\n%s", sc.Path, want, out)
				}
			}
		})
	}
}

// seedHint looks for a seed that shows what a scenario expects again,
// after a change to the kernel or the compiler has moved the clock ticks
// across its code.
func seedHint(t *testing.T, sc *scenario.Scenario, events string) string {
	for seed := 1; seed <= 40; seed++ {
		_, _, trace := runAll(t, "", "run", "--seed", strconv.Itoa(seed), "--trace", events, sc.Path)
		if sc.CheckOutput(trace) == "" {
			return fmt.Sprintf("Code changes move the clock ticks: seed %d shows it now; put it in the scenario's seed line.", seed)
		}
	}
	return "No seed from 1 to 40 shows it now: the scenario's program or expect lines need a look."
}
