package debug

import (
	"bytes"
	"crypto/sha256"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/sebdah/goldie/v2"

	"v6vm/asm"
	"v6vm/tools/build"
	"v6vm/tools/scenario"
	"v6vm/v6vm"
)

var src = os.DirFS("../..")

var (
	setupOnce sync.Once
	setupCfg  Config
	setupSc   *scenario.Scenario
	setupErr  error
)

// forktwice is the system for examples/scenarios/forktwice.scn: its
// program, seed 1, the kernel and init, built once.
func forktwice(t *testing.T) Config {
	t.Helper()
	setupOnce.Do(func() {
		setupSc, setupErr = scenario.Load("../../examples/scenarios/forktwice.scn")
		if setupErr != nil {
			return
		}
		prog, err := build.UserC(src, asm.Source{Name: setupSc.File, Text: setupSc.Program})
		if err != nil {
			setupErr = err
			return
		}
		setupCfg, setupErr = Setup(src, setupSc.Name(), prog, setupSc.Args)
		setupCfg.Options.Seed = *setupSc.Seed
		setupCfg.Sources = map[string][]byte{setupSc.File: setupSc.Program}
	})
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	return setupCfg
}

// session runs a script in a fresh debugger and returns the transcript.
func session(t *testing.T, script string) string {
	t.Helper()
	cfg := forktwice(t)
	var out bytes.Buffer
	cfg.Out, cfg.Echo = &out, true
	d, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Run(strings.NewReader(script)); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// newDebugger is a debugger driven by Exec, its replies in the buffer.
func newDebugger(t *testing.T) (*Debugger, *bytes.Buffer) {
	t.Helper()
	cfg := forktwice(t)
	out := new(bytes.Buffer)
	cfg.Out = out
	d, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.kill)
	return d, out
}

func (d *Debugger) exec(t *testing.T, cmds ...string) {
	t.Helper()
	for _, c := range cmds {
		if d.Exec(c) {
			t.Fatalf("%s: the session ended", c)
		}
	}
	d.out.Flush()
}

// Kernel code addresses, symbol offsets and kernel line numbers move with
// every kernel edit: the golden keeps the shape (function names, files,
// the program's lines, what each command says) and reads them as N.
var (
	reHex        = regexp.MustCompile(`0x[0-9a-f]{4,}`)
	reOffset     = regexp.MustCompile(`\+0x[0-9a-f]+`)
	reKernelLine = regexp.MustCompile(`(kernel/[a-z0-9_]+\.(go|s)):\d+`)
	reSourceLine = regexp.MustCompile(`(?m)^\d+\t`)
	reLibLine    = regexp.MustCompile(`(userland/lib/[a-z0-9_]+\.[cs]):\d+`)
	reTraceEAX   = regexp.MustCompile(`physical 0x[0-9a-f]+`)
	reFrameGap   = regexp.MustCompile(`(?m)^(#\d+ \S+) +`)
)

func normalise(s string) string {
	s = reKernelLine.ReplaceAllString(s, "$1:N")
	s = reLibLine.ReplaceAllString(s, "$1:N")
	s = reSourceLine.ReplaceAllString(s, "N\t")
	s = reOffset.ReplaceAllString(s, "+0x…")
	s = reTraceEAX.ReplaceAllString(s, "physical 0x…")
	s = reHex.ReplaceAllString(s, "0x…")
	s = reFrameGap.ReplaceAllString(s, "$1  ")
	return s
}

// The lecture's fork session: stop in NewProc for the program's fork,
// see the parent's stack and the child's (copied, not yet run), return
// up through the system call to user mode, where fork returns 3; then the
// child's first switch-in, Swtch returning 1 on NewProc's frame, and the
// child in user mode with its parent asleep in wait.
func TestForkSessionGolden(t *testing.T) {
	script, err := os.ReadFile("testdata/fork_session.txt")
	if err != nil {
		t.Fatal(err)
	}
	out := session(t, string(script))
	for _, want := range []string{
		"Breakpoint 1, ProcessManager_NewProc at kernel/proc.go:",
		"Value returned (eax): 0x0 (0)", // NewProc in the parent
		"pid 3 (forktwice), SRUN, not running",
		"#0 ProcessManager_NewProc ", // the child's u_rsav frame
		"fork at userland/lib/syscalls.s:",
		"Value returned (eax): 0x3 (3)", // fork in the parent
		"Switched to pid 3 (forktwice)",
		"running on ProcessManager_NewProc's frame",
		"Value returned (eax): 0x1 (1)", // Swtch in the child
		"Breakpoint 2, main at fork.c:11 [pid 3 forktwice, user mode]",
		"pid 2 (forktwice), SWAIT, not running",
		"fork.c:15\n", // the parent's frame: in wait, on line 15
		"[machine stopped: program exited with status 0]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the session lacks %q", want)
		}
	}
	goldie.New(t).Assert(t, "fork_session", []byte(normalise(out)))
}

// state is everything a reverse step must restore: registers, virtual
// time, and all of physical memory.
type state struct {
	regs v6vm.Regs
	mem  [32]byte
}

func (d *Debugger) state() state {
	return state{regs: d.m.Regs(), mem: sha256.Sum256(d.m.Memory())}
}

func TestReverseStepiRestoresState(t *testing.T) {
	d, out := newDebugger(t)
	d.exec(t, "break ProcessManager_NewProc if comm==forktwice", "continue")
	check := func(what string, want state) {
		t.Helper()
		if got := d.state(); got != want {
			t.Errorf("%s: state differs:\n got  %+v\n want %+v\n%s", what, got.regs, want.regs, out)
		}
	}
	// Forward and back, one instruction at a time, a few times over.
	var states []state
	for i := 0; i < 5; i++ {
		states = append(states, d.state())
		d.exec(t, "stepi")
	}
	for i := 4; i >= 0; i-- {
		d.exec(t, "reverse-stepi")
		check("reverse-stepi", states[i])
	}
	// Back over the breakpoint it stopped at, then forward onto it again.
	at := d.state()
	d.exec(t, "reverse-stepi", "stepi")
	check("reverse-stepi, stepi", at)

	// Into the kernel across int 0x80: back out of the entry stub to the
	// user instruction that trapped.
	d.exec(t, "delete", "break fork")
	d.exec(t, "restart", "continue")
	for d.m.User {
		d.exec(t, "stepi")
	}
	inKernel := d.state()
	d.exec(t, "reverse-stepi")
	if !d.m.User {
		t.Errorf("reverse-stepi from the kernel's first instruction stayed in kernel mode:\n%s", out)
	}
	d.exec(t, "stepi")
	check("across int 0x80", inKernel)
}

// A run whose Step hook comes and goes (continue with nothing to stop it)
// takes the same course as one watched at every instruction.
func TestHooksDoNotChangeTheRun(t *testing.T) {
	d1, out1 := newDebugger(t)
	d1.exec(t, "continue")
	d2, out2 := newDebugger(t)
	d2.exec(t, "break Process_Sleep", "continue", "delete", "stepi", "continue")
	if d1.m.Icount != d2.m.Icount || !strings.Contains(out1.String(), "exit status 7") {
		t.Errorf("free run ended at %d, hooked run at %d\n%s\n%s", d1.m.Icount, d2.m.Icount, out1, out2)
	}
}

func TestBreakOnCLineAndGoLine(t *testing.T) {
	d, out := newDebugger(t)
	// A line of the program: only the child takes it.
	d.exec(t, "break fork.c:11", "continue")
	if !strings.Contains(out.String(), "Breakpoint 1, main at fork.c:11 [pid 3 forktwice, user mode]") {
		t.Errorf("break fork.c:11:\n%s", out)
	}
	// A line of the kernel, found by its text so kernel edits keep it.
	text, err := os.ReadFile("../../kernel/proc.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, l := range strings.Split(string(text), "\n") {
		if strings.TrimSpace(l) == "child.p_stat = SRUN" {
			n = i + 1
		}
	}
	if n == 0 {
		t.Fatal("kernel/proc.go has no `child.p_stat = SRUN`")
	}
	out.Reset()
	d.exec(t, "delete", "restart", "break proc.go:"+itoa(n), "continue")
	// Its first hit: process 0 making process 1 (init), in Main0.
	want := "Breakpoint 2, ProcessManager_NewProc at kernel/proc.go:" + itoa(n) + " [pid 0 swapper, kernel mode]"
	if !strings.Contains(out.String(), want) {
		t.Errorf("break proc.go:%d: want %q in\n%s", n, want, out)
	}
	out.Reset()
	d.exec(t, "bt 1")
	if !strings.Contains(out.String(), "pid 1 is being created (SIDL)") {
		t.Errorf("bt 1 of the child being made:\n%s", out)
	}
	// Then init's fork, then the program's.
	out.Reset()
	d.exec(t, "continue", "continue")
	if !strings.Contains(out.String(), "[pid 1 init, kernel mode]") || !strings.Contains(out.String(), "[pid 2 forktwice, kernel mode]") {
		t.Errorf("the next hits:\n%s", out)
	}
}

func TestStepGoesIntoTheKernel(t *testing.T) {
	d, out := newDebugger(t)
	d.exec(t, "break main", "continue")
	// main's first line calls fork: step into the stub, then over int
	// 0x80 into the entry stub, then into the kernel's Go.
	var where []string
	for i := 0; i < 4; i++ {
		out.Reset()
		d.exec(t, "step")
		where = append(where, strings.SplitN(out.String(), "\n", 2)[0])
	}
	got := strings.Join(where, "\n")
	for _, want := range []string{"fork at userland/lib/syscalls.s:", "[int 0x80 (system call) from user mode", "SystemCallEntrance at kernel/entry.s:"} {
		if !strings.Contains(got+out.String(), want) {
			t.Errorf("steps lack %q:\n%s", want, got)
		}
	}
	for i := 0; i < 20 && !strings.Contains(out.String(), ".go:"); i++ {
		out.Reset()
		d.exec(t, "step")
	}
	if !strings.Contains(out.String(), "at kernel/trap.go:") {
		t.Errorf("stepping on from the entry stub did not reach Trap's Go lines:\n%s", out)
	}
}

func TestPsShowsTheNewChild(t *testing.T) {
	d, out := newDebugger(t)
	d.exec(t, "break ProcessManager_NewProc if comm==forktwice", "continue", "finish")
	out.Reset()
	d.exec(t, "ps")
	rows := map[string]string{}
	for _, l := range strings.Split(out.String(), "\n") {
		f := strings.Fields(strings.TrimPrefix(l, "*"))
		if len(f) >= 4 {
			rows[f[0]] = strings.Join(f[:4], " ")
		}
	}
	// The child: runnable at p_pri 0 (NewProc's clone); the parent,
	// running; init waiting for the parent.
	for pid, want := range map[string]string{"3": "3 2 SRUN 0", "2": "2 1 SRUN", "1": "1 0 SWAIT 40"} {
		if !strings.HasPrefix(rows[pid], want) {
			t.Errorf("ps row of pid %s is %q, want %q...\n%s", pid, rows[pid], want, out)
		}
	}
	if !strings.Contains(out.String(), "*    2") {
		t.Errorf("ps does not mark pid 2 as running:\n%s", out)
	}
}

func TestWatchStopsAfterTheStore(t *testing.T) {
	d, out := newDebugger(t)
	d.exec(t, "break main", "continue", "watch $ebp-8", "continue")
	// pid = fork(): the parent's store of fork's result into pid.
	s := out.String()
	if !strings.Contains(s, "Watchpoint 2: $ebp-8") || !strings.Contains(s, "New value = 0x3 (3)") ||
		!strings.Contains(s, "written by the instruction at main+0x10 at fork.c:8") {
		t.Errorf("watch:\n%s", s)
	}
}

func TestReverseStepUndoesStep(t *testing.T) {
	d, out := newDebugger(t)
	// Line 10, if (pid == 0), in the parent: a step goes to line 14.
	d.exec(t, "break fork.c:10", "continue")
	before := d.state()
	d.exec(t, "step")
	if !strings.Contains(out.String(), "main at fork.c:14") {
		t.Fatalf("step from line 10:\n%s", out)
	}
	d.exec(t, "reverse-step")
	if got := d.state(); got != before {
		t.Errorf("step then reverse-step: %+v, want %+v\n%s", got.regs, before.regs, out)
	}
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

// Event breakpoints, in the syntax of tests/scenarios/fork.scenario.
func TestEventBreakpoints(t *testing.T) {
	d, out := newDebugger(t)
	d.exec(t, "break swtch to pid 3", "continue")
	s := out.String()
	for _, want := range []string{"Breakpoint 1, swtch to pid 3:\n", "swtch in  [3 forktwice]",
		"running on ProcessManager_NewProc's frame", "in ProcessManager_Swtch+0x"} {
		if !strings.Contains(s, want) {
			t.Errorf("break swtch to pid 3: no %q in\n%s", want, s)
		}
	}
	out.Reset()
	d.exec(t, "delete", "break syscall fork pid 3", "continue")
	if s := out.String(); !strings.Contains(s, "syscall   [3 forktwice] fork() = 0") {
		t.Errorf("break syscall fork pid 3:\n%s", s)
	}
	// A short kernel name, and a function named like an event.
	out.Reset()
	d.exec(t, "break NewProc pid 1", "break exit()")
	if s := out.String(); !strings.Contains(s, "ProcessManager_NewProc+0x") || !strings.Contains(s, "at userland/lib/exit.c:") {
		t.Errorf("break NewProc, break exit():\n%s", s)
	}
}

// ^C: Interrupt stops a continue that nothing else would stop (here it
// comes before the continue, so the run stops at its first instruction).
func TestInterrupt(t *testing.T) {
	cfg := forktwice(t)
	out := new(bytes.Buffer)
	cfg.Out, cfg.Interruptible = out, true
	d, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.kill)
	d.exec(t, "break main", "continue") // the program has started
	d.Interrupt()
	d.exec(t, "continue")
	if !strings.Contains(out.String(), "Interrupted.") || d.ended {
		t.Errorf("continue after Interrupt did not stop:\n%s", out)
	}
}

// TestWatchAfterReverseStep: after reverse steps the watchpoint's old
// value is the word's value there, not power-on's 0 (the re-execution
// left it stale).
func TestWatchAfterReverseStep(t *testing.T) {
	text := []byte("int counter;\nvoid bump(void) { counter += 5; }\nint main(void) { int i; for (i = 0; i < 3; i++) bump(); return counter; }\n")
	prog, err := build.UserC(src, asm.Source{Name: "w.c", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := Setup(src, "w", prog, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := new(bytes.Buffer)
	cfg.Out, cfg.Sources = out, map[string][]byte{"w.c": text}
	d, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.kill)
	d.exec(t, "break main", "continue", "watch counter", "continue", "continue")
	if !strings.Contains(out.String(), "Old value = 0x5 (5)\nNew value = 0xa (10)") {
		t.Fatalf("the second store:\n%s", out)
	}
	out.Reset()
	d.exec(t, "reverse-step", "reverse-step", "continue")
	if !strings.Contains(out.String(), "Old value = 0x5 (5)\nNew value = 0xa (10)") {
		t.Errorf("after two reverse steps, the second store again:\n%s", out)
	}
}

// TestRestartHere: restart here re-executes a fresh machine from power-on
// to the same instruction, in the same state.
func TestRestartHere(t *testing.T) {
	d, out := newDebugger(t)
	d.exec(t, "break fork.c:10", "continue", "step")
	before := d.state()
	d.exec(t, "restart here")
	if got := d.state(); got != before {
		t.Errorf("restart here: %+v, want %+v\n%s", got.regs, before.regs, out)
	}
	if !strings.Contains(out.String(), "Restarted and re-executed to here") {
		t.Errorf("transcript:\n%s", out)
	}
	d.exec(t, "continue")
	if !strings.Contains(out.String(), "parent") {
		t.Errorf("the run did not go on after restart here:\n%s", out)
	}
}
