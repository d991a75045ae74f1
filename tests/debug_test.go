package tests

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/tools/trace"
)

// TestDebugScenario runs the fork scenario under the debugger, with a seed
// where the child prints first: it stops in
// NewProc (called from Fork), at the child's first switch-in (Swtch on
// NewProc's frame) beside the parent's saved stack, and at the child's
// fork returning 0; the run is the same as without the debugger.
func TestDebugScenario(t *testing.T) {
	mix := findRaceMix(t)
	prog := program(t, "race")
	script, err := os.ReadFile("scenarios/fork.scenario")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	d, err := trace.NewDebugger(kinfo, src, &out)
	if err != nil {
		t.Fatal(err)
	}
	d.Script(bytes.NewReader(script))
	cfg := build.BootConfig{Cmdline: "/init /race " + mix.n,
		Files: []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/race", Exe: prog}}}
	r, m, err := boot.Run(kernel, cfg, boot.Options{Seed: mix.child, MaxInstructions: 200_000_000, Hooks: d.Hooks()})
	if err != nil || r.Kind != boot.Program {
		t.Fatalf("%v %v\n%s", r, err, out.String())
	}
	d.Flush(m)
	plain := runProg(t, "race", runOpts{Seed: mix.child, Args: []string{mix.n}})
	if plain.Result.Icount != r.Icount {
		t.Errorf("the debugger changed the run: %d instructions, %d without", r.Icount, plain.Result.Icount)
	}
	got := out.String()
	for _, want := range []string{
		"breakpoint ProcessManager_NewProc",
		"#1 ProcessManager_Fork",
		"breakpoint swtch to pid 3:",
		"running on ProcessManager_NewProc's frame",
		"(u_rsav: the frame Swtch's RetU restores)",
		"#1 CheckRunRun",
		"syscall   [3 race] fork() = 0",
		"[3 race] child",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the transcript lacks %q:\n%s", want, got)
		}
	}
	// Addresses, times and line numbers move with every kernel edit, and
	// the table's p_cpu with every instruction the boot takes: keep the
	// names, the pids and the states.
	norm := regexp.MustCompile(`\+0x[0-9a-f]+|:\d+|\b0x[0-9a-f]+\b|\b[0-9a-f]{8}\b|\b\d{4,}\b`)
	psRow := regexp.MustCompile(`^\s+\*?\s+-?\d+\s+-?\d+\s+S[A-Z]+\s`)
	var b strings.Builder
	for _, l := range strings.Split(norm.ReplaceAllString(got, ""), "\n") {
		f := strings.Fields(l)
		if psRow.MatchString(l) {
			if f[0] == "*" {
				f = f[1:]
			}
			f = []string{f[0], f[1], f[2], f[len(f)-1]} // pid, ppid, state, command
		}
		fmt.Fprintln(&b, strings.Join(f, " "))
	}
	goldie.New(t).Assert(t, "debug_fork_scenario", []byte(b.String()))
}
