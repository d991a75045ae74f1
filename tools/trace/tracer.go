package trace

import (
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"

	"v6vm/tools/sysgen"
	"v6vm/v6vm"
)

// Event kinds (kernel/trap.go, TRACE_*), and the ports the kernel writes.
const (
	portTrace    = 0xED
	portTraceArg = 0xEC

	evSwtchOut = 1
	evSelect   = 2
	evSwtchIn  = 3
	evIdle     = 4
	evSleep    = 5
	evWakeup   = 6
	evSyscall  = 7
	evSysret   = 8
	evExit     = 9
	evClock    = 10
	evExec     = 11
	evSignal   = 12
	evFault    = 13
	evBoot     = 14
)

// Event classes, as --trace names them.
var classes = map[string][]int{
	"swtch":   {evSwtchOut, evSelect, evSwtchIn, evIdle},
	"syscall": {evSysret},
	"sleep":   {evSleep, evWakeup},
	"wakeup":  {evWakeup},
	"clock":   {evClock},
	"exit":    {evExit},
	"exec":    {evExec},
	"signal":  {evSignal, evFault},
}

// Classes lists the names --trace accepts.
func Classes() []string {
	var names []string
	for n := range classes {
		names = append(names, n)
	}
	sort.Strings(names)
	return append(names, "all")
}

// Tracer writes one line per kernel event to w.
type Tracer struct {
	k      *Kernel
	w      io.Writer
	on     map[int]bool
	calls  map[int]sysgen.Call
	arg    uint32
	out    Proc  // the process that called Swtch
	runRun int32 // RunRun and CurPri when it did
	curPri int32
	idle   bool
	second uint32
}

// NewTracer traces the events of the named classes (see Classes).
func NewTracer(k *Kernel, src fs.FS, w io.Writer, events []string) (*Tracer, error) {
	t := &Tracer{k: k, w: w, on: map[int]bool{}}
	for _, e := range events {
		if e == "all" {
			for _, evs := range classes {
				for _, ev := range evs {
					t.on[ev] = true
				}
			}
			continue
		}
		evs, ok := classes[e]
		if !ok {
			return nil, fmt.Errorf("unknown trace event %q (known: %s)", e, strings.Join(Classes(), ", "))
		}
		for _, ev := range evs {
			t.on[ev] = true
		}
	}
	tab, err := fs.ReadFile(src, "kernel/syscalls.tab")
	if err != nil {
		return nil, err
	}
	calls, err := sysgen.Parse(string(tab))
	if err != nil {
		return nil, err
	}
	t.calls = sysgen.Names(calls)
	return t, nil
}

// IO is the machine hook that drives the tracer; chain it with others.
func (t *Tracer) IO(m *v6vm.Machine, port uint16, v uint32, size int, out bool) {
	if !out {
		return
	}
	switch port {
	case portTraceArg:
		t.arg = v
	case portTrace:
		t.event(m, int(v), t.arg)
	}
}

func (t *Tracer) printf(m *v6vm.Machine, format string, args ...any) {
	fmt.Fprintf(t.w, "%10d  %s\n", m.Icount, fmt.Sprintf(format, args...))
}

func procName(p Proc) string {
	if p.Comm != "" {
		return fmt.Sprintf("[%d %s]", p.Pid, p.Comm)
	}
	return fmt.Sprintf("[%d]", p.Pid)
}

func (t *Tracer) event(m *v6vm.Machine, ev int, arg uint32) {
	k := t.k
	switch ev {
	case evSwtchOut:
		t.out = k.Current(m)
		t.runRun, t.curPri = k.PM(m, "RunRun"), k.PM(m, "CurPri")
	case evSelect:
		if !t.on[ev] {
			return
		}
		t.idle = false
		t.printSelect(m, k.ProcAt(m, arg))
	case evSwtchIn:
		if !t.on[ev] {
			return
		}
		p := k.Current(m)
		t.printf(m, "swtch in  %s: Swtch returns 1 on its stack, through:", procName(p))
		fmt.Fprint(t.w, FormatStack(k.SwitchedInStack(m), strings.Repeat(" ", 16)))
	case evIdle:
		if t.on[ev] && !t.idle {
			t.printf(m, "idle      nothing to run: Select halts until an interrupt")
		}
		t.idle = true
	case evSleep:
		if t.on[ev] {
			p := k.Current(m)
			t.printf(m, "sleep     %s on %s at p_pri %d", procName(p), t.chanName(arg), p.Pri)
		}
	case evWakeup:
		if t.on[ev] {
			p := k.ProcAt(m, arg)
			why := "p_pri >= CurPri: no reschedule"
			if p.Pri < k.PM(m, "CurPri") {
				why = fmt.Sprintf("p_pri %d < CurPri %d: RunRun++", p.Pri, k.PM(m, "CurPri"))
			}
			t.printf(m, "wakeup    %s (%s)", procName(p), why)
		}
	case evSysret:
		if t.on[ev] {
			t.printSysret(m, arg)
		}
	case evExit:
		if t.on[ev] {
			p := k.Current(m)
			t.printf(m, "exit      %s wait status %#x", procName(p), arg)
		}
	case evExec:
		if t.on[ev] {
			t.printf(m, "exec      %s", procName(k.Current(m)))
		}
	case evSignal:
		if t.on[ev] {
			t.printf(m, "signal    %s gets signal %d", procName(k.Current(m)), arg)
		}
	case evFault:
		if t.on[ev] {
			t.printf(m, "fault     %s takes exception %d", procName(k.Current(m)), arg)
		}
	case evClock:
		if t.on[ev] {
			t.printClock(m, arg)
		}
	}
}

// chanName names a sleep channel by the kernel symbol it points into.
func (t *Tracer) chanName(ch uint32) string {
	if s := t.k.Exe.Symbolize(ch); s != "" {
		return s
	}
	return fmt.Sprintf("%#x", ch)
}

func (t *Tracer) printSelect(m *v6vm.Machine, won Proc) {
	k := t.k
	procs := k.Procs(m)
	last := int(k.PM(m, "lastSelect"))
	why := "sleeps"
	switch t.out.Stat {
	case 3:
		why = "gives way"
	case 5:
		why = "exits"
	}
	t.printf(m, "swtch     %s %s (%s, p_pri %d; RunRun %d, CurPri %d) -> Select, as process 0",
		procName(t.out), why, t.out.StatName(), t.out.Pri, t.runRun, t.curPri)
	var cands []string
	ties := 0
	for c := 0; c < nproc; c++ {
		p := procs[(last+1+c)%nproc]
		if p.Stat != 3 || p.Flag&1 == 0 {
			continue
		}
		cands = append(cands, fmt.Sprintf("%s p_pri %d p_cpu %d p_nice %d", procName(p), p.Pri, p.Cpu, p.Nice))
		if p.Pri == won.Pri {
			ties++
		}
	}
	t.printf(m, "          candidates (scan from slot %d): %s", (last+1)%nproc, strings.Join(cands, " | "))
	rule := "the smallest p_pri"
	if ties > 1 {
		rule = fmt.Sprintf("the smallest p_pri, tied %d ways: the first in scan order wins", ties)
	}
	t.printf(m, "          chose %s: %s", procName(won), rule)
}

func (t *Tracer) printSysret(m *v6vm.Machine, ret uint32) {
	k := t.k
	p := k.Current(m)
	num := t.lastCall(m)
	c, ok := t.calls[num]
	name := fmt.Sprintf("syscall%d", num)
	nargs := 3
	if ok {
		name, nargs = c.Name, c.Args
	}
	var args []string
	for i := 0; i < nargs; i++ {
		args = append(args, fmt.Sprintf("%#x", k.UserWord(m, "u_arg", i)))
	}
	res := fmt.Sprint(int32(ret))
	if int32(ret) < 0 && int32(ret) > -200 {
		res = fmt.Sprintf("-1 (errno %d)", -int32(ret))
	}
	t.printf(m, "syscall   %s %s(%s) = %s", procName(p), strings.TrimLeft(name, "_"), strings.Join(args, ", "), res)
}

// lastCall reads the number of the call being returned from: Trap keeps it
// in the u area for exactly this (u_callno).
func (t *Tracer) lastCall(m *v6vm.Machine) int {
	return int(t.k.UserWord(m, "u_callno", 0))
}

func (t *Tracer) printClock(m *v6vm.Machine, second uint32) {
	var ps []string
	for _, p := range t.k.Procs(m) {
		if p.Stat == 0 {
			continue
		}
		ps = append(ps, fmt.Sprintf("%s %s p_cpu %d p_nice %d p_pri %d", procName(p), p.StatName(), p.Cpu, p.Nice, p.Pri))
	}
	t.printf(m, "clock     second %d: p_cpu -= 20, p_pri = p_cpu/16 + 100 + p_nice for user priorities: %s", second, strings.Join(ps, " | "))
}
