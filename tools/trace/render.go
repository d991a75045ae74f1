package trace

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Text renders events as the text trace: each begins with a line carrying
// the virtual time, right-aligned in ten columns, and the kind in ten; a
// switch adds the candidates and the choice, a switch-in the stack.
func Text(w io.Writer) Sink { return SinkFunc(func(e *Event) { io.WriteString(w, FormatText(e)) }) }

// JSON renders events as JSON lines: one object per event.
func JSON(w io.Writer) Sink {
	enc := json.NewEncoder(w)
	return SinkFunc(func(e *Event) { enc.Encode(e) })
}

func procName(pid int32, comm string) string {
	if comm != "" {
		return fmt.Sprintf("[%d %s]", pid, comm)
	}
	return fmt.Sprintf("[%d]", pid)
}

func (p ProcInfo) name() string { return procName(p.Pid, p.Comm) }

// FormatText is the text of one event, every line ending in a newline.
func FormatText(e *Event) string {
	var b strings.Builder
	line := func(format string, args ...any) {
		fmt.Fprintf(&b, "%10d  %s\n", e.Time, fmt.Sprintf(format, args...))
	}
	who := procName(e.Pid, e.Comm)
	switch e.Kind {
	case KSelect:
		s := e.Select
		line("swtch     %s %s (%s, p_pri %d; RunRun %d, CurPri %d) -> Select, as process 0",
			s.Out.name(), s.Why, s.Out.Stat, s.Out.Pri, s.RunRun, s.CurPri)
		var cands []string
		for _, p := range s.Candidates {
			cands = append(cands, fmt.Sprintf("%s p_pri %d p_cpu %d p_nice %d", p.name(), p.Pri, p.Cpu, p.Nice))
		}
		line("          candidates (scan from slot %d): %s", s.ScanFrom, strings.Join(cands, " | "))
		line("          chose %s: %s", s.Chose.name(), s.Rule)
	case KSwitchIn:
		space := ""
		if e.Pgdir != 0 {
			// The page directory names the address space: a vfork
			// child's is its parent's.
			space = fmt.Sprintf(" (address space %#x)", e.Pgdir)
		}
		line("swtch in  %s: Swtch returns 1 on its stack%s, through:", who, space)
		b.WriteString(FormatStack(e.Stack, strings.Repeat(" ", 16)))
	case KIdle:
		line("idle      nothing to run: Select halts until an interrupt")
	case KSleep:
		line("sleep     %s on %s at p_pri %d", who, e.Sleep.ChanName, e.Sleep.Pri)
	case KWakeup:
		w := e.Wakeup
		why := "p_pri >= CurPri: no reschedule"
		if w.Preempt {
			why = fmt.Sprintf("p_pri %d < CurPri %d: RunRun++", w.Pri, w.CurPri)
		}
		line("wakeup    %s (%s)", who, why)
	case KSyscall:
		s := e.Syscall
		var args []string
		for _, a := range s.Args {
			args = append(args, fmt.Sprintf("%#x", a))
		}
		res := fmt.Sprint(s.Result)
		if s.Errno != 0 {
			res = fmt.Sprintf("-1 (errno %d)", s.Errno)
		}
		line("syscall   %s %s(%s) = %s", who, s.Name, strings.Join(args, ", "), res)
	case KExit:
		line("exit      %s wait status %#x", who, e.Exit.Status)
	case KExec:
		line("exec      %s", who)
	case KSignal:
		line("signal    %s gets signal %d", who, e.Signal.Number)
	case KFault:
		line("fault     %s takes exception %d", who, e.Signal.Number)
	case KClock:
		var ps []string
		for _, p := range e.Clock.Procs {
			ps = append(ps, fmt.Sprintf("%s %s p_cpu %d p_nice %d p_pri %d", p.name(), p.Stat, p.Cpu, p.Nice, p.Pri))
		}
		line("clock     second %d: p_cpu -= 20, p_pri = p_cpu/16 + 100 + p_nice for user priorities: %s", e.Clock.Second, strings.Join(ps, " | "))
	case KTick:
		mode := "kernel"
		if e.Tick.FromUser {
			mode = "user"
		}
		line("tick      %s in %s mode", who, mode)
	case KOutput:
		line("output    %s %q", who, e.Output.Text)
	case KCOW:
		what := "the last user: made writable again, no copy"
		if e.COW.Copied {
			what = "shared: copied for the writer"
		}
		if e.COW.Table {
			what = "the last user: taken back, no copy"
			if e.COW.Copied {
				what = "shared: copied for the writer, its data and stack pages now copy-on-write in both"
			}
			line("cow       %s writes through the page table of %#x-%#x, %s", who, e.COW.Addr, e.COW.Addr+1<<22-1, what)
			break
		}
		line("cow       %s writes page %#x, %s", who, e.COW.Addr, what)
	default:
		line("%s %s", e.Kind, who)
	}
	return b.String()
}
