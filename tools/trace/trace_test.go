package trace

import (
	"strings"
	"testing"
)

func TestParseStackSelector(t *testing.T) {
	for _, c := range []struct {
		in  string
		n   int
		pid int32
	}{
		{"first swtch to pid 3", 1, 3},
		{"swtch to pid 12", 1, 12},
		{"second switch to pid 2", 2, 2},
		{"3rd swtch in to pid 4", 3, 4},
		{"  10th Switch to PID 7 ", 10, 7},
	} {
		s, err := ParseStackSelector(c.in)
		if err != nil || s.N != c.n || s.Pid != c.pid {
			t.Errorf("%q: %+v, %v; want n %d pid %d", c.in, s, err, c.n, c.pid)
		}
	}
	for _, bad := range []string{"", "first fork in pid 3", "last swtch to pid 3", "0th swtch to pid 3", "swtch to 3"} {
		if _, err := ParseStackSelector(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestFormatText: each kind renders as the text trace always has (the
// system tests compare whole traces; this pins the columns).
func TestFormatText(t *testing.T) {
	p := ProcInfo{Pid: 3, Comm: "race", Stat: "SRUN", Pri: 0, Cpu: 0, Nice: 0}
	for _, c := range []struct {
		e    Event
		want string
	}{
		{Event{Time: 42, Kind: KSyscall, Pid: 3, Comm: "race", Syscall: &Syscall{Name: "fork", Result: 0}},
			"        42  syscall   [3 race] fork() = 0\n"},
		{Event{Time: 7, Kind: KSyscall, Pid: 2, Syscall: &Syscall{Name: "open", Args: []uint32{0x10, 0}, Result: -2, Errno: 2}},
			"         7  syscall   [2] open(0x10, 0x0) = -1 (errno 2)\n"},
		{Event{Time: 1, Kind: KWakeup, Pid: 1, Comm: "init", Wakeup: &Wakeup{Pri: 40, CurPri: 100, Preempt: true}},
			"         1  wakeup    [1 init] (p_pri 40 < CurPri 100: RunRun++)\n"},
		{Event{Time: 5, Kind: KOutput, Pid: 3, Comm: "race", Output: &Output{Text: "child"}},
			"         5  output    [3 race] \"child\"\n"},
		{Event{Time: 9, Kind: KSelect, Pid: 2, Comm: "race", Select: &Select{Why: "gives way",
			Out: ProcInfo{Pid: 2, Comm: "race", Stat: "SRUN", Pri: 101}, RunRun: 1, CurPri: 100, ScanFrom: 3,
			Candidates: []ProcInfo{p}, Chose: p, Ties: 1, Rule: "the smallest p_pri"}},
			"         9  swtch     [2 race] gives way (SRUN, p_pri 101; RunRun 1, CurPri 100) -> Select, as process 0\n" +
				"         9            candidates (scan from slot 3): [3 race] p_pri 0 p_cpu 0 p_nice 0\n" +
				"         9            chose [3 race]: the smallest p_pri\n"},
	} {
		if got := FormatText(&c.e); got != c.want {
			t.Errorf("%s:\n%q\nwant\n%q", c.e.Kind, got, c.want)
		}
	}
	if !strings.HasPrefix(FormatText(&Event{Kind: KIdle}), "         0  idle") {
		t.Errorf("idle: %q", FormatText(&Event{Kind: KIdle}))
	}
}

func TestNiceStep(t *testing.T) {
	for in, want := range map[float64]float64{1: 1, 3: 5, 42000: 50000, 120000: 200000, 9: 10} {
		if got := niceStep(in); got != want {
			t.Errorf("niceStep(%v) = %v, want %v", in, got, want)
		}
	}
}
