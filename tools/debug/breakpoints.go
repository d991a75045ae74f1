package debug

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"v6vm/tools/trace"
	"v6vm/v6vm"
	"v6vm/v6vm/exe"
	"v6vm/v6vm/isa"
)

// breakpoint stops the run before the instruction at addr: in kernel mode
// for a kernel address, in user mode in an address space running exe's
// program for a user address. A condition narrows it to one process.
type breakpoint struct {
	num      int
	spec     string // as typed
	addr     uint32
	exe      *exe.File
	user     bool
	condPid  int32  // 0: any
	condComm string // "": any
	hits     int

	// An event breakpoint stops after the kernel announces an event of
	// this kind (tools/trace), instead of at an address.
	event trace.Kind
	call  string // syscall: the call's name ("": any)
}

// eventKinds are the kernel events `break` takes, by the names traces use.
var eventKinds = map[string]trace.Kind{
	"swtch": trace.KSwitchIn, "syscall": trace.KSyscall, "sleep": trace.KSleep, "wakeup": trace.KWakeup,
	"exit": trace.KExit, "exec": trace.KExec, "signal": trace.KSignal, "output": trace.KOutput,
	"clock": trace.KClock, "tick": trace.KTick, "fault": trace.KFault,
}

// location is a resolved place in the code.
type location struct {
	addr uint32
	exe  *exe.File
}

// resolve finds a location: *ADDR, FILE:LINE (a .go or .s file of the
// kernel, a .c or .s file of a program), or a function (the program's
// first, then the kernel's, then the other programs'). A function's
// location is after its prologue, where its frame is set up, as gdb does.
func (d *Debugger) resolve(spec string) (location, error) {
	if a, ok := strings.CutPrefix(spec, "*"); ok {
		v, err := d.eval(a)
		if err != nil {
			return location{}, err
		}
		if v >= kernelBase {
			return location{v, d.cfg.Kernel}, nil
		}
		f := d.cfg.Programs[0].Exe
		if d.m != nil {
			if g := d.userExe(d.m); g != nil {
				f = g
			}
		}
		return location{v, f}, nil
	}
	if file, ln, ok := strings.Cut(spec, ":"); ok {
		n, err := strconv.Atoi(ln)
		if err != nil || n <= 0 {
			return location{}, fmt.Errorf("bad line number in %q", spec)
		}
		for _, f := range d.exes() {
			if addr, ok := lineAddr(f, file, n); ok {
				return location{addr, f}, nil
			}
		}
		return location{}, fmt.Errorf("no code at %s in the kernel or the programs", spec)
	}
	for _, f := range d.exes() {
		if s, ok := f.Lookup(spec); ok && s.Kind == exe.SymFunc {
			return location{afterPrologue(f, s), f}, nil
		}
	}
	// A method by its own name: NewProc for ProcessManager_NewProc.
	var found []exe.Sym
	for _, s := range d.cfg.Kernel.Syms {
		if s.Kind == exe.SymFunc && strings.HasSuffix(s.Name, "_"+spec) {
			found = append(found, s)
		}
	}
	switch len(found) {
	case 1:
		return location{afterPrologue(d.cfg.Kernel, found[0]), d.cfg.Kernel}, nil
	case 0:
		return location{}, fmt.Errorf("function %q is not in the program, the kernel or init", spec)
	}
	var names []string
	for _, s := range found {
		names = append(names, s.Name)
	}
	return location{}, fmt.Errorf("%q is ambiguous: %s", spec, strings.Join(names, ", "))
}

// exes lists the executables in lookup order: the program, the kernel,
// the other programs.
func (d *Debugger) exes() []*exe.File {
	fs := []*exe.File{d.cfg.Programs[0].Exe, d.cfg.Kernel}
	for _, p := range d.cfg.Programs[1:] {
		fs = append(fs, p.Exe)
	}
	return fs
}

// lineAddr is the first address of line n of a file whose name ends in
// file; a line without code moves to the next line that has some.
func lineAddr(f *exe.File, file string, n int) (uint32, bool) {
	best, bestLine := uint32(0), 0
	for _, l := range f.Lines {
		if l.Line < n || !sameFile(l.File, file) {
			continue
		}
		if bestLine == 0 || l.Line < bestLine || l.Line == bestLine && l.Addr < best {
			best, bestLine = l.Addr, l.Line
		}
	}
	return best, bestLine != 0
}

func sameFile(name, want string) bool {
	return name == want || strings.HasSuffix(name, "/"+want)
}

// afterPrologue is the address after a function's `push ebp; mov ebp, esp;
// sub esp, N`, or its start if it does not begin so (assembly routines).
func afterPrologue(f *exe.File, s exe.Sym) uint32 {
	addr := s.Value
	n := prologueLen(f, addr)
	return addr + n
}

// prologueLen decodes the standard prologue at addr in f's text and
// returns its length (0 if there is none).
func prologueLen(f *exe.File, addr uint32) uint32 {
	text := func(a uint32) []byte {
		off := a - f.TextAddr
		if a < f.TextAddr || off >= uint32(len(f.Text)) {
			return nil
		}
		return f.Text[off:]
	}
	// The prologue is the function line's code: a `sub esp` in the
	// next line's makes room for a call's arguments.
	end := ^uint32(0)
	if _, _, hi, ok := lineRange(f, addr); ok {
		end = hi
	}
	n := uint32(0)
	for i, want := range []string{"push ebp", "mov ebp, esp", "sub esp, "} {
		if addr+n >= end {
			break
		}
		in, err := isa.Decode(text(addr + n))
		if err != nil || !strings.HasPrefix(in.Format(addr+n, nil), want) {
			if i < 2 {
				return 0
			}
			break
		}
		n += uint32(in.Len)
	}
	return n
}

// pushLen is the length of the `push ebp` starting a function at addr, or
// 0 if it does not start with one.
func pushLen(f *exe.File, addr uint32) uint32 {
	off := addr - f.TextAddr
	if addr < f.TextAddr || off >= uint32(len(f.Text)) {
		return 0
	}
	in, err := isa.Decode(f.Text[off:])
	if err != nil || in.Format(addr, nil) != "push ebp" {
		return 0
	}
	return uint32(in.Len)
}

// addBreak sets a breakpoint: LOC [if pid==N | if comm==NAME | pid N], or
// a kernel event: swtch [to pid N], syscall [NAME] [pid N], sleep, wakeup,
// exit, exec, signal, output, clock, tick, fault [pid N]. A function named
// like an event is FUNC().
func (d *Debugger) addBreak(arg string) (*breakpoint, error) {
	spec, cond, _ := strings.Cut(arg, " if ")
	words := strings.Fields(spec)
	b := &breakpoint{}
	// A trailing "pid N" (or "to pid N" after swtch) is a condition too.
	if n := len(words); n >= 2 && words[n-2] == "pid" {
		pid, err := strconv.Atoi(words[n-1])
		if err != nil {
			return nil, fmt.Errorf("bad pid in %q", arg)
		}
		b.condPid = int32(pid)
		words = words[:n-2]
		if n := len(words); n >= 1 && words[n-1] == "to" {
			words = words[:n-1]
		}
	}
	if len(words) == 0 {
		return nil, fmt.Errorf("break where? (FUNC, FILE:LINE, *ADDR or a kernel event: %s)", eventNames())
	}
	b.spec = strings.TrimSpace(arg)
	if kind, ok := eventKinds[words[0]]; ok {
		b.event = kind
		switch {
		case len(words) == 2 && kind == trace.KSyscall:
			b.call = words[1]
		case len(words) > 1:
			return nil, fmt.Errorf("break %s: want [pid N] after it, not %q", words[0], strings.Join(words[1:], " "))
		}
	} else {
		if len(words) > 1 {
			return nil, fmt.Errorf("break %s: want if pid==N, if comm==NAME or pid N after it", words[0])
		}
		loc, err := d.resolve(strings.TrimSuffix(words[0], "()"))
		if err != nil {
			return nil, err
		}
		b.addr, b.exe, b.user = loc.addr, loc.exe, loc.exe != d.cfg.Kernel
	}
	if cond = strings.TrimSpace(cond); cond != "" {
		k, v, ok := strings.Cut(strings.ReplaceAll(cond, " ", ""), "==")
		switch {
		case ok && k == "pid":
			n, err := strconv.Atoi(v)
			if err != nil {
				return nil, fmt.Errorf("bad pid in %q", cond)
			}
			b.condPid = int32(n)
		case ok && k == "comm":
			b.condComm = v
		default:
			return nil, fmt.Errorf("conditions are pid==N or comm==NAME, not %q", cond)
		}
	}
	d.nextBP++
	b.num = d.nextBP
	d.bps = append(d.bps, b)
	if b.event == "" {
		d.byAddr[b.addr] = append(d.byAddr[b.addr], b)
		d.filter[b.addr&0xFFF] = true
	}
	return b, nil
}

func eventNames() string {
	var names []string
	for n := range eventKinds {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// onEvent is the tracer's sink: an event breakpoint that matches stops the
// run once the kernel is back from tracePoint.
func (d *Debugger) onEvent(e *trace.Event) {
	if d.cond.mode == modeTo || d.cond.mode == modeEnd || d.eventHit != "" {
		return
	}
	for _, b := range d.bps {
		if b.event != e.Kind || b.condPid != 0 && b.condPid != e.Pid || b.condComm != "" && b.condComm != e.Comm {
			continue
		}
		if b.call != "" && (e.Syscall == nil || e.Syscall.Name != b.call) {
			continue
		}
		b.hits++
		d.eventHit = fmt.Sprintf("Breakpoint %d, %s:\n%s", b.num, b.spec, trace.FormatText(e))
		return
	}
}

func (d *Debugger) deleteBreak(num int) bool {
	for i, b := range d.bps {
		if b.num != num {
			continue
		}
		d.bps = append(d.bps[:i:i], d.bps[i+1:]...)
		var left []*breakpoint
		for _, o := range d.byAddr[b.addr] {
			if o != b {
				left = append(left, o)
			}
		}
		if len(left) == 0 {
			delete(d.byAddr, b.addr)
		} else {
			d.byAddr[b.addr] = left
		}
		d.filter = [4096]bool{}
		for a := range d.byAddr {
			d.filter[a&0xFFF] = true
		}
		return true
	}
	for i, w := range d.wps {
		if w.num == num {
			d.wps = append(d.wps[:i:i], d.wps[i+1:]...)
			return true
		}
	}
	return false
}

// bpMatches reports whether b applies to the context about to execute its
// address: the right mode, the right program, the process its condition
// names.
func (d *Debugger) bpMatches(m *v6vm.Machine, b *breakpoint) bool {
	if b.user != m.User {
		return false
	}
	if b.user && d.userExe(m) != b.exe {
		return false
	}
	if b.condPid != 0 || b.condComm != "" {
		p := d.cfg.Info.Current(m)
		if b.condPid != 0 && p.Pid != b.condPid || b.condComm != "" && p.Comm != b.condComm {
			return false
		}
	}
	return true
}

func (d *Debugger) describeBreak(b *breakpoint) string {
	if b.event != "" {
		return fmt.Sprintf("Breakpoint %d: %s (a kernel event)", b.num, b.spec)
	}
	where := d.codeName(b.exe, b.addr)
	space := "kernel"
	if b.user {
		space = "user, in " + d.programName(b.exe)
	}
	cond := ""
	if b.condPid != 0 {
		cond = fmt.Sprintf(" if pid==%d", b.condPid)
	}
	if b.condComm != "" {
		cond = " if comm==" + b.condComm
	}
	return fmt.Sprintf("Breakpoint %d at %#x: %s (%s)%s", b.num, b.addr, where, space, cond)
}

// codeName names an address of f: "FUNC+0x12 at FILE:LINE".
func (d *Debugger) codeName(f *exe.File, addr uint32) string {
	if f == nil {
		return fmt.Sprintf("%#x", addr)
	}
	name := f.Symbolize(addr)
	if name == "" {
		name = fmt.Sprintf("%#x", addr)
	}
	if file, line, ok := f.LineAt(addr); ok {
		return fmt.Sprintf("%s at %s:%d", name, file, line)
	}
	return name
}

// frameZero finds the return address of a function whose own frame is not
// set up at pc: at its first instruction or after its push ebp, or in a
// frameless assembly routine (a system-call stub), by counting the pushes
// and pops from its start. It returns the stack slot holding the return
// address; ok is false when the frame is set up (EBP is the function's)
// or the routine cannot be followed.
func frameZero(f *exe.File, pc, sp uint32) (slot uint32, ok bool) {
	s, off, ok := f.SymbolAt(pc)
	if !ok {
		return 0, false
	}
	if push := pushLen(f, s.Value); push != 0 {
		switch off {
		case 0:
			return sp, true
		case push:
			return sp + 4, true
		}
		return 0, false
	}
	depth := uint32(0)
	for a := s.Value; a < pc; {
		off := a - f.TextAddr
		if a < f.TextAddr || off >= uint32(len(f.Text)) {
			return 0, false
		}
		in, err := isa.Decode(f.Text[off:])
		if err != nil {
			return 0, false
		}
		text := in.Format(a, nil)
		switch {
		case strings.HasPrefix(text, "push "):
			depth += 4
		case strings.HasPrefix(text, "pop "):
			depth -= 4
		case strings.HasPrefix(text, "mov ebp"), strings.HasPrefix(text, "sub esp"), strings.HasPrefix(text, "add esp"),
			strings.HasPrefix(text, "call"), strings.HasPrefix(text, "j"), strings.HasPrefix(text, "ret"):
			return 0, false
		}
		a += uint32(in.Len)
	}
	return sp + depth, true
}
