package tests

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"
)

// TestForkReturnsTwice: the child sees 0 and its own pid, the parent the
// child's pid; wait returns that pid and the child's status.
func TestForkReturnsTwice(t *testing.T) {
	r := runProg(t, "forkret", runOpts{Seed: 1})
	// Pids: init is 1, the program 2 (init's child), its child 3.
	lines := strings.Split(strings.TrimSpace(r.Out), "\n")
	want := map[string]bool{
		"child: fork() = 0, getpid() = 3, getppid() = 2": true,
		"parent: fork() = 3, getpid() = 2":               true,
	}
	if len(lines) != 3 || !want[lines[0]] || !want[lines[1]] || lines[0] == lines[1] ||
		lines[2] != "parent: wait() = 3, exited 1 with status 7" {
		t.Errorf("output:\n%s", r.Out)
	}
	if r.Result.ExitCode() != 0 {
		t.Errorf("exit code %d, want 0", r.Result.ExitCode())
	}
	goldie.New(t).Assert(t, "forkret_seed1", []byte(r.Out))
}

// TestChildLeavesNewProcWithOne: the trace of the child's first switch-in
// shows Swtch running on NewProc's frame restored from u_rsav, returning
// into Fork, which then sees NewProc() == 1 — and the child's fork()
// returns 0 while the parent's returned the pid.
func TestChildLeavesNewProcWithOne(t *testing.T) {
	r := runProg(t, "forkret", runOpts{Seed: 1, Events: []string{"swtch", "syscall"}})
	// The first switch-in of pid 3.
	blocks := strings.Split(r.Trace, "\n")
	var first []string
	for i, l := range blocks {
		if strings.Contains(l, "swtch in  [3 ") {
			first = append(first, l)
			for _, m := range blocks[i+1:] {
				if !strings.HasPrefix(m, "                ") {
					break
				}
				first = append(first, m)
			}
			break
		}
	}
	if len(first) == 0 {
		t.Fatalf("no switch to pid 3 in the trace:\n%s", r.Trace)
	}
	stack := strings.Join(first, "\n")
	for _, want := range []string{
		"#0 ProcessManager_Swtch",
		"running on ProcessManager_NewProc's frame, restored from u_rsav",
		"#1 ProcessManager_Fork",
		"Trap1", "#6 SystemCallEntrance",
		"trap frame: back to user",
	} {
		if !strings.Contains(stack, want) {
			t.Errorf("the child's first switch-in lacks %q:\n%s", want, stack)
		}
	}
	if !regexp.MustCompile(`syscall   \[3 forkret\] fork\(\) = 0`).MatchString(r.Trace) ||
		!regexp.MustCompile(`syscall   \[2 forkret\] fork\(\) = 3`).MatchString(r.Trace) {
		t.Errorf("the trace does not show fork returning 3 in the parent and 0 in the child:\n%s", r.Trace)
	}
	// Addresses and instruction counts are part of the lesson but change
	// with every kernel edit: the golden file keeps the frames' names.
	norm := regexp.MustCompile(`\+0x[0-9a-f]+|:\d+|\b0x[0-9a-f]+\b|^ *\d+`)
	var b strings.Builder
	for _, l := range first {
		fmt.Fprintln(&b, strings.Join(strings.Fields(norm.ReplaceAllString(l, "")), " "))
	}
	goldie.New(t).Assert(t, "forkret_child_first_switch", []byte(b.String()))
}
