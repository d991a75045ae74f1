package debug

// Looking at a stopped machine: backtraces, the process table, registers,
// memory and lines.

import (
	"fmt"
	"strconv"
	"strings"

	"v6vm/tools/trace"
	"v6vm/v6vm"
	"v6vm/v6vm/exe"
	"v6vm/v6vm/isa"
)

// cmdBacktrace prints the stack of the running process, or of PID from
// its ppda.
func (d *Debugger) cmdBacktrace(arg string) {
	m := d.m
	k := d.cfg.Info
	if !d.started {
		d.printf("The kernel has not started: no processes yet.\n")
		return
	}
	cur := k.Current(m)
	if arg != "" {
		n, err := strconv.Atoi(arg)
		if err != nil {
			d.printf("bt PID: bad pid %q\n", arg)
			return
		}
		if int32(n) != cur.Pid || d.ended {
			d.backtraceOther(int32(n))
			return
		}
	}
	if d.ended {
		d.printf("The run has ended: no process is running.\n")
		return
	}
	d.printf("pid %d (%s), running in %s mode:\n", cur.Pid, cur.Comm, map[bool]string{true: "user", false: "kernel"}[m.User])
	if m.User {
		d.printUserFrames(0, d.userExe(m), m.EIP, m.R[5], m.R[4], 0)
		d.printf("   (in user mode the core stack holds no frames)\n")
		return
	}
	frames := k.RunningStack(m, 0)
	if len(frames) > 0 {
		frames = d.fixPrologue(frames)
		d.noteSwtchFrame(frames)
	}
	d.printf("%s", trace.FormatStack(frames, ""))
	d.userUnderTrap(frames, 0, d.userExe(m))
}

// fixPrologue adds the caller's frame when the function at frame 0 has not
// set up its own frame (see frameZero): EBP still points at the caller's,
// so the walk went from frame 0 straight to the caller's caller.
func (d *Debugger) fixPrologue(frames []trace.Frame) []trace.Frame {
	m := d.m
	f := d.cfg.Kernel
	if frames[0].Trap != nil {
		return frames
	}
	slot, ok := frameZero(f, m.EIP, m.R[4])
	if !ok {
		return frames
	}
	ret, ok := d.word(0, slot)
	if !ok || ret == 0 {
		return frames
	}
	caller := trace.Frame{PC: ret - 1, Func: f.Symbolize(ret - 1), EBP: m.R[5]}
	caller.File, caller.Line, _ = f.LineAt(ret - 1)
	return append([]trace.Frame{frames[0], caller}, frames[1:]...)
}

// noteSwtchFrame marks Swtch running on another function's frame after
// RetU, as tools/trace does for switch-ins: a frame returning into Fork or
// Main0 is NewProc's (this kernel saves u_rsav only in Swtch and NewProc).
func (d *Debugger) noteSwtchFrame(frames []trace.Frame) {
	if len(frames) < 2 || !strings.HasPrefix(frames[0].Func, "ProcessManager_Swtch") {
		return
	}
	caller := frames[1].Func
	if strings.HasPrefix(caller, "ProcessManager_Fork") || strings.HasPrefix(caller, "Main0") {
		frames[0].OnFrameOf = "ProcessManager_NewProc"
	}
}

// userUnderTrap prints the user frames below a core stack that ends in a
// trap from user mode, read through page directory cr3 (0: current).
func (d *Debugger) userUnderTrap(frames []trace.Frame, cr3 uint32, prog *exe.File) {
	if len(frames) == 0 {
		return
	}
	t := frames[len(frames)-1].Trap
	if t == nil || !t.FromUser {
		return
	}
	d.printf("   --- user mode, below the trap ---\n")
	d.printUserFrames(cr3, prog, t.EIP, t.EBP, t.ESP, len(frames))
}

// printUserFrames walks a user stack's EBP chain from (pc, bp), sp being
// the stack pointer at pc.
func (d *Debugger) printUserFrames(cr3 uint32, f *exe.File, pc, bp, sp uint32, first int) {
	if f == nil {
		d.printf("#%d %#x (a program without symbols)\n", first, pc)
		return
	}
	if slot, ok := frameZero(f, pc, sp); ok {
		// Frame 0 has no frame of its own yet: its return address is on
		// the stack and EBP is still the caller's.
		d.printFrame(first, f, pc)
		first++
		ret, ok := d.word(cr3, slot)
		if !ok || ret == 0 {
			return
		}
		pc = ret - 1
	}
	for depth := 0; depth < 32; depth++ {
		d.printFrame(first+depth, f, pc)
		if bp == 0 {
			return
		}
		nbp, ok1 := d.word(cr3, bp)
		ret, ok2 := d.word(cr3, bp+4)
		if !ok1 || !ok2 || ret == 0 || nbp != 0 && nbp <= bp {
			return
		}
		pc, bp = ret-1, nbp
	}
}

func (d *Debugger) printFrame(n int, f *exe.File, pc uint32) {
	name := f.Symbolize(pc)
	if name == "" {
		name = fmt.Sprintf("%#x", pc)
	}
	loc := ""
	if file, line, ok := f.LineAt(pc); ok {
		loc = fmt.Sprintf("  %s:%d", file, line)
	}
	d.printf("#%d %-36s%s\n", n, name, loc)
}

// backtraceOther prints the stack of a process that is not running, from
// the context SaveU left in its u_rsav.
func (d *Debugger) backtraceOther(pid int32) {
	m := d.m
	k := d.cfg.Info
	for _, p := range k.Procs(m) {
		if p.Pid != pid || p.Stat == 0 {
			continue
		}
		stat := p.StatName()
		switch stat {
		case "SZOMB":
			d.printf("pid %d is a zombie (SZOMB): exit freed its image, ppda and all; only the process-table entry is left, for its parent's wait to reap.\n", pid)
			return
		case "SIDL":
			d.printf("pid %d is being created (SIDL): NewProc has not finished copying its image.\n", pid)
			return
		}
		d.printf("pid %d (%s), %s, not running: its core stack from u_rsav in its ppda (physical %#x):\n", p.Pid, p.Comm, stat, p.Addr)
		frames := k.SavedStack(m, p)
		d.printf("%s", trace.FormatStack(frames, ""))
		d.userUnderTrap(frames, p.Pgdir, d.programNamed(p.Comm))
		return
	}
	d.printf("No process with pid %d.\n", pid)
}

func (d *Debugger) cmdPs() {
	if !d.started {
		d.printf("The kernel has not started: no processes yet.\n")
		return
	}
	m := d.m
	k := d.cfg.Info
	cur := int32(-1)
	if !d.ended {
		cur = k.CurrentPid(m)
	}
	d.printf("  %4s %4s %-6s %5s %4s %4s  %-28s %s\n", "PID", "PPID", "STAT", "PRI", "CPU", "NICE", "WCHAN", "COMM")
	for _, p := range k.Procs(m) {
		if p.Stat == 0 {
			continue
		}
		mark := " "
		if p.Pid == cur {
			mark = "*"
		}
		wchan := ""
		if p.Wchan != 0 {
			if wchan = d.cfg.Kernel.Symbolize(p.Wchan); wchan == "" {
				wchan = fmt.Sprintf("%#x", p.Wchan)
			}
		}
		comm := p.Comm
		if p.StatName() == "SZOMB" {
			comm = "<defunct>"
		}
		d.printf("%s %4d %4d %-6s %5d %4d %4d  %-28s %s\n", mark, p.Pid, p.Ppid, p.StatName(), p.Pri, p.Cpu, p.Nice, wchan, comm)
	}
	d.printf("CurPri %d, RunRun %d (* is running)\n", k.PM(m, "CurPri"), k.PM(m, "RunRun"))
}

func (d *Debugger) cmdInfo(arg string) {
	what, rest, _ := strings.Cut(arg, " ")
	switch what {
	case "r", "reg", "registers":
		d.cmdRegisters()
	case "b", "break", "breakpoints", "watch", "watchpoints":
		if len(d.bps) == 0 && len(d.wps) == 0 {
			d.printf("No breakpoints or watchpoints.\n")
		}
		for _, b := range d.bps {
			d.printf("%s, hit %d times\n", d.describeBreak(b), b.hits)
		}
		for _, w := range d.wps {
			d.printf("Watchpoint %d: %s (virtual %#x, physical %#x)\n", w.num, w.expr, w.va, w.pa)
		}
	case "line":
		d.cmdInfoLine(strings.TrimSpace(rest))
	default:
		d.printf("info registers, info breakpoints or info line [LOC]\n")
	}
}

func (d *Debugger) cmdRegisters() {
	r := d.m.Regs()
	for i, name := range isa.RegNames32[:8] {
		d.printf("%-7s%#-12x%d\n", name, r.R[i], int32(r.R[i]))
	}
	where := ""
	if f := d.exeAt(d.m, r.EIP); f != nil && d.started {
		where = f.Symbolize(r.EIP)
	}
	d.printf("%-7s%#-12x%s\n", "eip", r.EIP, where)
	d.printf("%-7s%#-12x%s\n", "eflags", r.EFLAGS, v6vm.FlagString(r.EFLAGS))
	mode := "kernel"
	if d.m.User {
		mode = "user"
	}
	d.printf("mode   %s; cr3 %#x, esp0 %#x\n", mode, r.CR3, r.ESP0)
	d.printf("icount %d\n", r.Icount)
}

func (d *Debugger) cmdInfoLine(arg string) {
	var loc location
	if arg == "" {
		f := d.exeAt(d.m, d.m.EIP)
		loc = location{d.m.EIP, f}
	} else {
		var err error
		if loc, err = d.resolve(arg); err != nil {
			d.printf("%v\n", err)
			return
		}
	}
	if loc.exe == nil {
		d.printf("No line information at %#x.\n", loc.addr)
		return
	}
	id, lo, hi, ok := lineRange(loc.exe, loc.addr)
	if !ok {
		d.printf("No line information at %#x (%s).\n", loc.addr, d.codeName(loc.exe, loc.addr))
		return
	}
	d.printf("Line %d of %q starts at address %#x <%s> and ends at %#x <%s>.\n",
		id.line, id.file, lo, loc.exe.Symbolize(lo), hi, loc.exe.Symbolize(hi))
}

// cmdExamine is x/NF ADDR.
func (d *Debugger) cmdExamine(arg string) {
	n, format := 1, byte('x')
	if spec, rest, ok := strings.Cut(arg, " "); ok && strings.HasPrefix(spec, "/") {
		spec = spec[1:]
		i := 0
		for i < len(spec) && spec[i] >= '0' && spec[i] <= '9' {
			i++
		}
		if i > 0 {
			n, _ = strconv.Atoi(spec[:i])
		}
		if i < len(spec) {
			format = spec[i]
		}
		arg = strings.TrimSpace(rest)
	}
	// x ADDR N: N words.
	if f := strings.Fields(arg); len(f) == 2 {
		if c, err := strconv.Atoi(f[1]); err == nil {
			arg, n = f[0], c
		}
	}
	addr, err := d.eval(arg)
	if err != nil {
		d.printf("%v\n", err)
		return
	}
	n = min(max(n, 1), 1024)
	label := func(a uint32) string {
		if f := d.exeAt(d.m, a); f != nil {
			if s := f.Symbolize(a); s != "" {
				return fmt.Sprintf("%#x <%s>:", a, s)
			}
		}
		return fmt.Sprintf("%#x:", a)
	}
	switch format {
	case 's':
		b, err := d.m.ReadVirt(0, addr, 256)
		if i := strings.IndexByte(string(b), 0); i >= 0 {
			b = b[:i]
		} else if err != nil {
			d.printf("%s\t(%v)\n", label(addr), err)
			return
		}
		d.printf("%s\t%q\n", label(addr), b)
	case 'b':
		b, err := d.m.ReadVirt(0, addr, n)
		for i := 0; i < len(b); i += 8 {
			d.printf("%s", label(addr+uint32(i)))
			for _, c := range b[i:min(i+8, len(b))] {
				d.printf("\t%#04x", c)
			}
			d.printf("\n")
		}
		if err != nil {
			d.printf("%v\n", err)
		}
	case 'x', 'd':
		for i := 0; i < n; i++ {
			a := addr + uint32(4*i)
			if i%4 == 0 {
				if i > 0 {
					d.printf("\n")
				}
				d.printf("%s", label(a))
			}
			w, ok := d.word(0, a)
			if !ok {
				d.printf("\t(virtual %#x is not mapped)\n", a)
				return
			}
			if format == 'x' {
				d.printf("\t0x%08x", w)
			} else {
				d.printf("\t%d", int32(w))
			}
		}
		d.printf("\n")
	default:
		d.printf("x/NF: F is x (hex words), d (decimal words), b (bytes) or s (a string)\n")
	}
}

// eval evaluates an address: terms (numbers, $registers, symbols of the
// program or the kernel) joined by + and -.
func (d *Debugger) eval(expr string) (uint32, error) {
	expr = strings.ReplaceAll(expr, " ", "")
	if expr == "" {
		return 0, fmt.Errorf("an address is missing")
	}
	var total uint32
	sign := uint32(1)
	for expr != "" {
		i := strings.IndexAny(expr[1:], "+-") + 1
		if i == 0 {
			i = len(expr)
		}
		term := expr[:i]
		v, err := d.term(term)
		if err != nil {
			return 0, err
		}
		total += sign * v
		expr = expr[i:]
		if expr != "" {
			sign = 1
			if expr[0] == '-' {
				sign = ^uint32(0)
			}
			expr = expr[1:]
		}
	}
	return total, nil
}

func (d *Debugger) term(t string) (uint32, error) {
	if r, ok := strings.CutPrefix(t, "$"); ok {
		regs := d.m.Regs()
		switch r {
		case "eip", "pc":
			return regs.EIP, nil
		}
		for i, name := range isa.RegNames32[:8] {
			if name == r {
				return regs.R[i], nil
			}
		}
		return 0, fmt.Errorf("no register %q", t)
	}
	if v, err := strconv.ParseUint(t, 0, 32); err == nil {
		return uint32(v), nil
	}
	for _, f := range d.exes() {
		if s, ok := f.Lookup(t); ok {
			return s.Value, nil
		}
	}
	return 0, fmt.Errorf("no symbol %q in the program or the kernel", t)
}
