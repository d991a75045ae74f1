package trace

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"v6vm/v6vm"
	"v6vm/v6vm/isa"
)

// ErrQuit is how a run ends when the debugger's user quits.
var ErrQuit = errors.New("quit in the debugger")

// Debugger stops a run at breakpoints — a kernel function or source line,
// or a kernel event (a switch to a process, a system call, an exit...) —
// and answers questions there: backtraces of the running process, any
// other process's saved stack, the process table, registers, memory. Its
// commands come from scripts (a lecture's scenario) and then from its
// input. Like the tracer it only reads: the run is the same as without it.
type Debugger struct {
	k      *Kernel
	tr     *Tracer
	out    io.Writer
	in     []source
	m      *v6vm.Machine
	addrBP map[uint32]addrBreak
	evBP   []eventBreak
	steps  int
	quit   bool
	first  bool
}

// A source of commands; scripts echo theirs, as a transcript.
type source struct {
	sc     *bufio.Scanner
	echo   bool
	prompt bool
}

type addrBreak struct {
	text string
	pid  int32 // -1: any
}

type eventBreak struct {
	kind Kind
	pid  int32  // -1: any
	call string // syscall breakpoints: the call's name, "" any
	text string
}

// NewDebugger debugs a run of the kernel k (sources in src), writing to
// out. Add command sources with Script and Input before the run.
func NewDebugger(k *Kernel, src fs.FS, out io.Writer) (*Debugger, error) {
	d := &Debugger{k: k, out: out, addrBP: map[uint32]addrBreak{}, first: true}
	tr, err := New(k, src, []string{"all"}, SinkFunc(d.event))
	if err != nil {
		return nil, err
	}
	d.tr = tr
	return d, nil
}

// Script adds commands that are echoed as they run.
func (d *Debugger) Script(r io.Reader) {
	d.in = append(d.in, source{sc: bufio.NewScanner(r), echo: true})
}

// Input adds commands typed by a user (prompted for when prompt is set).
func (d *Debugger) Input(r io.Reader, prompt bool) {
	d.in = append(d.in, source{sc: bufio.NewScanner(r), prompt: prompt})
}

// Hooks are the machine hooks that drive the debugger. The Step hook runs
// before every instruction, which slows the run down several times.
func (d *Debugger) Hooks() v6vm.Hooks {
	h := d.tr.Hooks()
	traceIO := h.IO
	h.IO = func(m *v6vm.Machine, port uint16, v uint32, size int, out bool) {
		d.m = m
		traceIO(m, port, v, size, out)
	}
	h.Step = d.step
	return h
}

// Flush ends the run.
func (d *Debugger) Flush(m *v6vm.Machine) { d.tr.Flush(m) }

func (d *Debugger) step(m *v6vm.Machine) {
	d.m = m
	switch {
	case d.quit:
		return
	case d.first:
		d.first = false
		fmt.Fprintf(d.out, "power on: the kernel's first instruction\n")
		d.repl(m)
	case d.steps > 0:
		d.steps--
		if d.steps == 0 {
			d.where(m)
			d.repl(m)
		}
	default:
		if b, ok := d.addrBP[m.EIP]; ok && (b.pid < 0 || b.pid == d.k.CurrentPid(m)) {
			fmt.Fprintf(d.out, "breakpoint %s:\n", b.text)
			d.where(m)
			d.repl(m)
		}
	}
}

func (d *Debugger) event(e *Event) {
	if d.quit {
		return
	}
	if e.Kind == KOutput {
		fmt.Fprintf(d.out, "%s %s\n", procName(e.Pid, e.Comm), e.Output.Text)
	}
	for _, b := range d.evBP {
		if b.kind != e.Kind || (b.pid >= 0 && b.pid != e.Pid) || (b.call != "" && (e.Syscall == nil || e.Syscall.Name != b.call)) {
			continue
		}
		fmt.Fprintf(d.out, "breakpoint %s:\n", b.text)
		if e.Kind != KOutput {
			io.WriteString(d.out, FormatText(e))
		}
		d.repl(d.m)
		return
	}
}

// where says where the CPU is: function, source line, instruction.
func (d *Debugger) where(m *v6vm.Machine) {
	r := m.Regs()
	loc := d.k.Exe.Symbolize(r.EIP)
	if m.User {
		loc = "user mode"
	}
	if f, l, ok := d.k.Exe.LineAt(r.EIP); ok && !m.User {
		loc += fmt.Sprintf(" (%s:%d)", f, l)
	}
	p := d.k.Current(m)
	fmt.Fprintf(d.out, "  at %s, %s, instruction %d\n  %08x  %s\n", loc, procName(p.Pid, p.Comm), r.Icount, r.EIP, d.disasm(m, r.EIP))
}

func (d *Debugger) disasm(m *v6vm.Machine, pc uint32) string {
	b, err := m.ReadVirt(0, pc, 16)
	if err != nil && len(b) == 0 {
		return "(unmapped)"
	}
	in, err := isa.Decode(b)
	if err != nil {
		return fmt.Sprintf("(undecodable %x)", b[0])
	}
	return in.Format(pc, d.k.Exe.Symbolize)
}

// next reads the next command, or reports that there are none.
func (d *Debugger) next() (string, bool) {
	for len(d.in) > 0 {
		s := &d.in[0]
		if s.prompt {
			fmt.Fprint(d.out, "(v6vm) ")
		}
		if s.sc.Scan() {
			line := strings.TrimSpace(s.sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if s.echo {
				fmt.Fprintf(d.out, "(v6vm) %s\n", line)
			}
			return line, true
		}
		d.in = d.in[1:]
	}
	return "", false
}

// repl answers commands until one resumes the run. With no commands left
// the run goes on to its end.
func (d *Debugger) repl(m *v6vm.Machine) {
	for {
		line, ok := d.next()
		if !ok {
			return
		}
		f := strings.Fields(line)
		switch f[0] {
		case "c", "continue", "run":
			return
		case "s", "step", "stepi", "si":
			d.steps = 1
			if len(f) > 1 {
				n, err := strconv.Atoi(f[1])
				if err != nil || n < 1 {
					fmt.Fprintf(d.out, "step: want a count, got %q\n", f[1])
					continue
				}
				d.steps = n
			}
			return
		case "q", "quit":
			d.quit = true
			m.Stop(ErrQuit)
			return
		default:
			if err := d.command(m, f); err != nil {
				fmt.Fprintf(d.out, "%s: %v\n", f[0], err)
			}
		}
	}
}

const debugHelp = `commands:
  break FUNC|FILE:LINE [pid N]    stop before a kernel instruction (run by process N)
  break swtch|syscall|sleep|wakeup|exit|exec|signal|clock|output [NAME] [pid N]
                                  stop at a kernel event (swtch: a process switched in)
  delete                          remove every breakpoint
  continue (c), step [N] (s), quit (q)
  bt                              the running process's core stack
  stack PID                       a process's core stack (saved by SaveU if not running)
  ps                              the process table
  regs                            the registers
  x ADDR|SYMBOL [N]               N words of kernel memory
`

func (d *Debugger) command(m *v6vm.Machine, f []string) error {
	k := d.k
	switch f[0] {
	case "help", "h":
		io.WriteString(d.out, debugHelp)
	case "b", "break":
		return d.addBreak(f[1:])
	case "delete", "d":
		d.addrBP, d.evBP = map[uint32]addrBreak{}, nil
	case "bt", "where", "backtrace":
		if m.User {
			fmt.Fprintf(d.out, "  in user mode at %#x: no core stack in use\n", m.EIP)
			return nil
		}
		io.WriteString(d.out, FormatStack(k.stackHere(m), "  "))
	case "stack":
		if len(f) < 2 {
			return errors.New("which pid?")
		}
		pid, err := strconv.Atoi(f[1])
		if err != nil {
			return err
		}
		cur := k.Current(m)
		if int32(pid) == cur.Pid {
			io.WriteString(d.out, FormatStack(k.stackHere(m), "  "))
			return nil
		}
		for _, p := range k.Procs(m) {
			if p.Pid == int32(pid) && p.Stat != 0 {
				if p.Stat == 5 || p.Addr == 0 {
					return fmt.Errorf("pid %d is a zombie: no stack", pid)
				}
				io.WriteString(d.out, FormatStack(k.SavedStack(m, p), "  "))
				return nil
			}
		}
		return fmt.Errorf("no process %d", pid)
	case "ps":
		cur := k.Current(m)
		fmt.Fprintf(d.out, "  %-4s %5s %5s %-6s %5s %5s %6s  %-22s %s\n", "", "PID", "PPID", "STAT", "PRI", "CPU", "NICE", "WCHAN", "COMM")
		for _, p := range k.Procs(m) {
			if p.Stat == 0 {
				continue
			}
			mark := ""
			if p.Slot == cur.Slot {
				mark = "*"
			}
			wchan := ""
			if p.Wchan != 0 {
				wchan = k.Exe.Symbolize(p.Wchan)
			}
			fmt.Fprintf(d.out, "  %-4s %5d %5d %-6s %5d %5d %6d  %-22s %s\n", mark, p.Pid, p.Ppid, p.StatName(), p.Pri, p.Cpu, p.Nice, wchan, p.Comm)
		}
		fmt.Fprintf(d.out, "  RunRun %d, CurPri %d\n", k.PM(m, "RunRun"), k.PM(m, "CurPri"))
	case "regs":
		r := m.Regs()
		for i, n := range isa.RegNames32 {
			fmt.Fprintf(d.out, "  %s=%08x", n, r.R[i])
			if i%4 == 3 {
				fmt.Fprintln(d.out)
			}
		}
		fmt.Fprintf(d.out, "  eip=%08x eflags=%08x cr3=%08x esp0=%08x user=%v\n", r.EIP, r.EFLAGS, r.CR3, r.ESP0, m.User)
	case "x":
		if len(f) < 2 {
			return errors.New("which address?")
		}
		addr, err := d.address(f[1])
		if err != nil {
			return err
		}
		n := 4
		if len(f) > 2 {
			if n, err = strconv.Atoi(f[2]); err != nil || n < 1 || n > 256 {
				return fmt.Errorf("bad count %q", f[2])
			}
		}
		for i := 0; i < n; i++ {
			a := addr + uint32(4*i)
			b, err := m.ReadVirt(0, a, 4)
			if err != nil || len(b) < 4 {
				return fmt.Errorf("%#x is not mapped", a)
			}
			fmt.Fprintf(d.out, "  %08x  %-28s %#x\n", a, k.Exe.Symbolize(a), le32(b, 0))
		}
	default:
		return errors.New("unknown command (help lists them)")
	}
	return nil
}

var eventKinds = map[string]Kind{
	"swtch": KSwitchIn, "switch": KSwitchIn, "syscall": KSyscall, "sleep": KSleep, "wakeup": KWakeup,
	"exit": KExit, "exec": KExec, "signal": KSignal, "clock": KClock, "output": KOutput, "fault": KFault,
}

func (d *Debugger) addBreak(args []string) error {
	if len(args) == 0 {
		var names []string
		for _, b := range d.addrBP {
			names = append(names, b.text)
		}
		sort.Strings(names)
		for _, b := range d.evBP {
			names = append(names, b.text)
		}
		fmt.Fprintf(d.out, "  breakpoints: %s\n", strings.Join(names, ", "))
		return nil
	}
	if kind, ok := eventKinds[args[0]]; ok {
		b := eventBreak{kind: kind, pid: -1, text: strings.Join(args, " ")}
		rest := args[1:]
		for len(rest) > 0 {
			switch {
			case len(rest) >= 2 && (rest[0] == "pid" || rest[0] == "to"):
				if rest[0] == "to" && rest[1] == "pid" && len(rest) >= 3 {
					rest = rest[1:]
				}
				pid, err := strconv.Atoi(rest[1])
				if err != nil {
					return fmt.Errorf("bad pid %q", rest[1])
				}
				b.pid, rest = int32(pid), rest[2:]
			case kind == KSyscall && b.call == "":
				b.call, rest = rest[0], rest[1:]
			default:
				return fmt.Errorf("cannot read %q", strings.Join(rest, " "))
			}
		}
		d.evBP = append(d.evBP, b)
		return nil
	}
	addr, err := d.address(args[0])
	if err != nil {
		return err
	}
	b := addrBreak{text: args[0], pid: -1}
	if f, l, ok := d.k.Exe.LineAt(addr); ok {
		b.text = fmt.Sprintf("%s (%s:%d)", d.k.Exe.Symbolize(addr), f, l)
	}
	switch {
	case len(args) == 3 && args[1] == "pid":
		pid, err := strconv.Atoi(args[2])
		if err != nil {
			return fmt.Errorf("bad pid %q", args[2])
		}
		b.pid = int32(pid)
		b.text += " in pid " + args[2]
	case len(args) > 1:
		return fmt.Errorf("cannot read %q", strings.Join(args[1:], " "))
	}
	d.addrBP[addr] = b
	return nil
}

// address reads a kernel address: hex, a symbol (ProcessManager_NewProc,
// or NewProc if one symbol ends so), or FILE:LINE (the line's first
// instruction).
func (d *Debugger) address(s string) (uint32, error) {
	e := d.k.Exe
	if v, err := strconv.ParseUint(s, 0, 32); err == nil {
		return uint32(v), nil
	}
	if file, line, ok := strings.Cut(s, ":"); ok {
		n, err := strconv.Atoi(line)
		if err != nil {
			return 0, fmt.Errorf("bad line %q", line)
		}
		best := uint32(0)
		found := false
		for _, l := range e.Lines {
			if l.Line == n && (l.File == file || strings.HasSuffix(l.File, "/"+file)) && (!found || l.Addr < best) {
				best, found = l.Addr, true
			}
		}
		if !found {
			return 0, fmt.Errorf("no code for %s", s)
		}
		return best, nil
	}
	if sym, ok := e.Lookup(s); ok {
		return sym.Value, nil
	}
	var match []string
	var addr uint32
	for _, sym := range e.Syms {
		if strings.HasSuffix(sym.Name, "_"+s) || strings.HasSuffix(sym.Name, "."+s) {
			match = append(match, sym.Name)
			addr = sym.Value
		}
	}
	switch len(match) {
	case 0:
		return 0, fmt.Errorf("no kernel symbol %s", s)
	case 1:
		return addr, nil
	}
	return 0, fmt.Errorf("%s is ambiguous: %s", s, strings.Join(match, ", "))
}

// stackHere is the running process's core stack from the instruction about
// to run. At a function's first instruction its frame does not exist yet:
// the return address is on top of the stack and EBP is still the caller's.
func (k *Kernel) stackHere(m *v6vm.Machine) []Frame {
	r := m.Regs()
	sym, off, ok := k.Exe.SymbolAt(r.EIP)
	if ok && sym.Name == "tracePoint" {
		return k.RunningStack(m, 1) // stopped at an event: leave out its announcer
	}
	if !ok || off != 0 || entryStubs[sym.Name] {
		return k.RunningStack(m, 0)
	}
	s := stackReader{m: m, base: userAddress}
	ret, ok := s.word(r.R[4])
	if !ok {
		return k.RunningStack(m, 0)
	}
	f := Frame{PC: r.EIP, Func: k.Exe.Symbolize(r.EIP), EBP: r.R[5]}
	f.File, f.Line, _ = k.Exe.LineAt(r.EIP)
	return append([]Frame{f}, k.walk(s, ret-1, r.R[5])...)
}
