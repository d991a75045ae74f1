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

// Event numbers the kernel writes (kernel/trap.go, TRACE_*), and the ports
// it writes them to; the console's data port, whose bytes become output
// events; the clock's interrupt line.
const (
	portTrace    = 0xED
	portTraceArg = 0xEC
	portConsole  = v6vm.PortConData

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
	evCOW      = 16

	// Not the kernel's: seen by the machine's hooks.
	evTick   = 100 // a timer interrupt (Trap hook)
	evOutput = 101 // console output (IO hook on the console's port)

	irqTimer = 0
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
	"tick":    {evTick},
	"output":  {evOutput},
	"cow":     {evCOW},
}

// kinds maps the kernel's event numbers to the kinds of the events they make.
var kinds = map[int][]Kind{
	evSelect: {KSelect}, evSwtchIn: {KSwitchIn}, evIdle: {KIdle}, evSleep: {KSleep},
	evWakeup: {KWakeup}, evSysret: {KSyscall}, evExit: {KExit}, evExec: {KExec},
	evSignal: {KSignal}, evFault: {KFault}, evClock: {KClock}, evTick: {KTick}, evOutput: {KOutput},
	evCOW: {KCOW},
}

// Filter passes on to s only the events of the named classes (see
// Classes): a tracer can record everything for a picture and print less.
func Filter(events []string, s Sink) (Sink, error) {
	want := map[Kind]bool{}
	for _, e := range events {
		evs, ok := classes[e]
		if e == "all" {
			for k := range kinds {
				evs = append(evs, k)
			}
		} else if !ok {
			return nil, fmt.Errorf("unknown trace event %q (known: %s)", e, strings.Join(Classes(), ", "))
		}
		for _, ev := range evs {
			for _, k := range kinds[ev] {
				want[k] = true
			}
		}
	}
	return SinkFunc(func(e *Event) {
		if want[e.Kind] {
			s.Event(e)
		}
	}), nil
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

// Tracer turns what the kernel announces on its trace ports (and what the
// machine's hooks see: clock interrupts, console bytes) into Events, and
// hands each to its sinks. It only reads machine state.
type Tracer struct {
	k      *Kernel
	sinks  []Sink
	on     map[int]bool
	calls  map[int]sysgen.Call
	arg    uint32
	out    Proc  // the process that called Swtch
	runRun int32 // RunRun and CurPri when it did
	curPri int32
	idle   bool
	start  map[int32]uint64 // pid -> when its current system call began

	snapSel   *StackSelector
	snapCount int
	snap      *StackSnapshot

	line    []byte // console bytes since the last newline
	linePid int32  // the process that wrote them
	lineAt  uint64 // when the line began
}

// NewTracer traces the events of the named classes (see Classes) as text
// lines on w.
func NewTracer(k *Kernel, src fs.FS, w io.Writer, events []string) (*Tracer, error) {
	return New(k, src, events, Text(w))
}

// New traces the events of the named classes (see Classes) into sinks.
func New(k *Kernel, src fs.FS, events []string, sinks ...Sink) (*Tracer, error) {
	t := &Tracer{k: k, sinks: sinks, on: map[int]bool{}, start: map[int32]uint64{}, linePid: -1}
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

// SyscallNames reads the system calls' names by number from the kernel's
// table (kernel/syscalls.tab).
func SyscallNames(src fs.FS) (map[int]string, error) {
	tab, err := fs.ReadFile(src, "kernel/syscalls.tab")
	if err != nil {
		return nil, err
	}
	calls, err := sysgen.Parse(string(tab))
	if err != nil {
		return nil, err
	}
	names := map[int]string{}
	for n, c := range sysgen.Names(calls) {
		names[n] = strings.TrimLeft(c.Name, "_")
	}
	return names, nil
}

// Hooks are the machine hooks that drive the tracer. Call Flush when the
// run has ended.
func (t *Tracer) Hooks() v6vm.Hooks {
	h := v6vm.Hooks{IO: t.IO}
	if t.on[evTick] {
		h.Trap = t.Trap
	}
	return h
}

// IO is the machine's I/O hook; chain it with others.
func (t *Tracer) IO(m *v6vm.Machine, port uint16, v uint32, size int, out bool) {
	if !out {
		return
	}
	switch port {
	case portTraceArg:
		t.arg = v
	case portTrace:
		t.event(m, int(v), t.arg)
	case portConsole:
		if t.on[evOutput] {
			t.console(m, byte(v))
		}
	}
}

// Trap is the machine's trap hook: it sees clock interrupts.
func (t *Tracer) Trap(m *v6vm.Machine, ti v6vm.TrapInfo) {
	if ti.Kind != v6vm.TrapInterrupt || ti.Vector != 0x20+irqTimer || !t.on[evTick] {
		return
	}
	p := t.k.Current(m)
	t.emit(&Event{Time: m.Icount, Kind: KTick, Pid: p.Pid, Comm: p.Comm, Tick: &Tick{FromUser: ti.FromUser}})
}

// Flush ends the run: console output without a final newline becomes an
// output event.
func (t *Tracer) Flush(m *v6vm.Machine) {
	t.flushLine(m)
}

func (t *Tracer) console(m *v6vm.Machine, c byte) {
	pid := t.k.CurrentPid(m)
	if pid != t.linePid && len(t.line) > 0 {
		t.flushLine(m)
	}
	if len(t.line) == 0 {
		t.lineAt, t.linePid = m.Icount, pid
	}
	t.line = append(t.line, c)
	if c == '\n' {
		t.flushLine(m)
	}
}

func (t *Tracer) flushLine(m *v6vm.Machine) {
	if len(t.line) == 0 {
		return
	}
	e := &Event{Time: t.lineAt, Kind: KOutput, Pid: t.linePid,
		Output: &Output{Text: strings.TrimSuffix(string(t.line), "\n")}}
	if m != nil {
		for _, p := range t.k.Procs(m) {
			if p.Pid == t.linePid && p.Stat != 0 {
				e.Comm = p.Comm
				break
			}
		}
	}
	t.line = t.line[:0]
	t.emit(e)
}

func (t *Tracer) emit(e *Event) {
	for _, s := range t.sinks {
		s.Event(e)
	}
}

func info(p Proc) ProcInfo {
	return ProcInfo{Pid: p.Pid, Comm: p.Comm, Stat: p.StatName(), Pri: p.Pri, Cpu: p.Cpu, Nice: p.Nice}
}

func (t *Tracer) event(m *v6vm.Machine, ev int, arg uint32) {
	k := t.k
	if ev == evSwtchOut {
		t.out = k.Current(m)
		t.runRun, t.curPri = k.PM(m, "RunRun"), k.PM(m, "CurPri")
		return
	}
	if ev == evSyscall {
		t.start[k.CurrentPid(m)] = m.Icount
		return
	}
	if ev == evExit {
		delete(t.start, k.CurrentPid(m))
	}
	if ev == evSwtchIn {
		t.maybeSnapshot(m)
	}
	if !t.on[ev] {
		if ev == evSelect {
			t.idle = false
		}
		return
	}
	var e *Event
	switch ev {
	case evSelect:
		t.idle = false
		e = t.selectEvent(m, k.ProcAt(m, arg))
	case evSwtchIn:
		p := k.Current(m)
		e = &Event{Kind: KSwitchIn, Pid: p.Pid, Comm: p.Comm, Stack: k.SwitchedInStack(m), Pgdir: p.Pgdir}
	case evIdle:
		if t.idle {
			return
		}
		t.idle = true
		e = &Event{Kind: KIdle}
	case evSleep:
		p := k.Current(m)
		e = &Event{Kind: KSleep, Pid: p.Pid, Comm: p.Comm, Sleep: &Sleep{Chan: arg, ChanName: t.chanName(arg), Pri: p.Pri}}
	case evWakeup:
		p := k.ProcAt(m, arg)
		cur := k.PM(m, "CurPri")
		e = &Event{Kind: KWakeup, Pid: p.Pid, Comm: p.Comm, Wakeup: &Wakeup{Pri: p.Pri, CurPri: cur, Preempt: p.Pri < cur}}
	case evSysret:
		e = t.syscallEvent(m, arg)
	case evExit:
		p := k.Current(m)
		e = &Event{Kind: KExit, Pid: p.Pid, Comm: p.Comm, Exit: &Exit{Status: arg}}
	case evExec:
		p := k.Current(m)
		e = &Event{Kind: KExec, Pid: p.Pid, Comm: p.Comm}
	case evSignal, evFault:
		p := k.Current(m)
		kind := KSignal
		if ev == evFault {
			kind = KFault
		}
		e = &Event{Kind: kind, Pid: p.Pid, Comm: p.Comm, Signal: &Signal{Number: int(arg)}}
	case evCOW:
		p := k.Current(m)
		e = &Event{Kind: KCOW, Pid: p.Pid, Comm: p.Comm, COW: &COW{Addr: arg &^ 0xFFF, Copied: arg&1 != 0, Table: arg&2 != 0}}
	case evClock:
		e = &Event{Kind: KClock, Clock: &Clock{Second: arg}}
		p := k.Current(m)
		e.Pid, e.Comm = p.Pid, p.Comm
		for _, p := range k.Procs(m) {
			if p.Stat != 0 {
				e.Clock.Procs = append(e.Clock.Procs, info(p))
			}
		}
	default:
		return
	}
	e.Time = m.Icount
	t.emit(e)
}

// chanName names a sleep channel by the kernel symbol it points into.
func (t *Tracer) chanName(ch uint32) string {
	if s := t.k.Exe.Symbolize(ch); s != "" {
		return s
	}
	return fmt.Sprintf("%#x", ch)
}

func (t *Tracer) selectEvent(m *v6vm.Machine, won Proc) *Event {
	k := t.k
	procs := k.Procs(m)
	last := int(k.PM(m, "lastSelect"))
	s := &Select{Why: "sleeps", Out: info(t.out), RunRun: t.runRun, CurPri: t.curPri,
		ScanFrom: (last + 1) % nproc, Chose: info(won)}
	switch t.out.Stat {
	case 3:
		s.Why = "gives way"
	case 5:
		s.Why = "exits"
	}
	for c := 0; c < nproc; c++ {
		p := procs[(last+1+c)%nproc]
		if p.Stat != 3 || p.Flag&1 == 0 {
			continue
		}
		s.Candidates = append(s.Candidates, info(p))
		if p.Pri == won.Pri {
			s.Ties++
		}
	}
	s.Rule = "the smallest p_pri"
	if s.Ties > 1 {
		s.Rule = fmt.Sprintf("the smallest p_pri, tied %d ways: the first in scan order wins", s.Ties)
	}
	return &Event{Kind: KSelect, Pid: t.out.Pid, Comm: t.out.Comm, Select: s}
}

func (t *Tracer) syscallEvent(m *v6vm.Machine, ret uint32) *Event {
	k := t.k
	p := k.Current(m)
	num := t.lastCall(m)
	c, ok := t.calls[num]
	sc := &Syscall{Num: num, Name: fmt.Sprintf("syscall%d", num), Result: int32(ret), Start: t.start[p.Pid]}
	delete(t.start, p.Pid)
	nargs := 3
	if ok {
		sc.Name, nargs = strings.TrimLeft(c.Name, "_"), c.Args
	}
	for i := 0; i < nargs; i++ {
		sc.Args = append(sc.Args, k.UserWord(m, "u_arg", i))
	}
	if int32(ret) < 0 && int32(ret) > -200 {
		sc.Errno = -int(int32(ret))
	}
	return &Event{Kind: KSyscall, Pid: p.Pid, Comm: p.Comm, Syscall: sc}
}

// lastCall reads the number of the call being returned from: Trap keeps it
// in the u area for exactly this (u_callno).
func (t *Tracer) lastCall(m *v6vm.Machine) int {
	return int(t.k.UserWord(m, "u_callno", 0))
}
