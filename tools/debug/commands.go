package debug

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"v6vm/tools/trace"
	"v6vm/v6vm"
	"v6vm/v6vm/exe"
	"v6vm/v6vm/isa"
)

const prompt = "(v6vm) "

// Run reads commands from in until quit or the end of the input, and
// answers on Config.Out.
func (d *Debugger) Run(in io.Reader) error {
	d.printf("v6vm debug: %s under the kernel, seed %d. The machine is at power-on.\n",
		d.cfg.Programs[0].Name, d.cfg.Options.Seed)
	d.printf("Break on kernel functions and lines (kernel/*.go) and on the program's; \"help\" lists the commands.\n")
	defer d.out.Flush()
	for _, c := range d.cfg.Commands {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		d.printf("%s%s\n", prompt, c)
		if strings.HasPrefix(c, "#") {
			continue
		}
		if d.Exec(c) {
			d.kill()
			return nil
		}
	}
	sc := bufio.NewScanner(in)
	for {
		d.printf("%s", prompt)
		d.out.Flush()
		if !sc.Scan() {
			d.printf("\n")
			break
		}
		line := strings.TrimSpace(sc.Text())
		if d.cfg.Echo {
			d.printf("%s\n", line)
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		d.prevCmd = d.lastCmd
		if line == "" {
			line = d.lastCmd
		} else {
			d.lastCmd = line
		}
		if line == "" {
			continue
		}
		if quit := d.Exec(line); quit {
			break
		}
	}
	d.kill()
	return sc.Err()
}

func (d *Debugger) printf(format string, args ...any) { fmt.Fprintf(d.out, format, args...) }

// Exec runs one command; it reports whether the session should end.
func (d *Debugger) Exec(line string) (quit bool) {
	cmd, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	if name, rest, ok := strings.Cut(cmd, "/"); ok { // x/4x
		cmd, arg = name, "/"+rest+" "+arg
	}
	// A count repeats a running command, as gdb's step 3.
	if n, err := strconv.Atoi(arg); err == nil && n > 1 && n <= 10000 {
		switch cmd {
		case "s", "step", "n", "next", "si", "stepi", "c", "continue", "swtch":
			for i := 0; i < n && !d.ended; i++ {
				if d.Exec(cmd) {
					return true
				}
			}
			return false
		}
	}
	switch cmd {
	case "q", "quit":
		return true
	case "h", "help":
		d.printf("%s", helpText)
	case "b", "break":
		b, err := d.addBreak(arg)
		if err != nil {
			d.printf("%v\n", err)
			return
		}
		d.printf("%s\n", d.describeBreak(b))
	case "delete", "d":
		if arg == "" {
			for len(d.bps) > 0 {
				d.deleteBreak(d.bps[0].num)
			}
			d.wps = nil
			return
		}
		n, err := strconv.Atoi(arg)
		if err != nil || !d.deleteBreak(n) {
			d.printf("No breakpoint number %s.\n", arg)
		}
	case "watch":
		d.cmdWatch(arg)
	case "c", "continue", "run", "r":
		d.run(stopCond{mode: modeContinue}, false)
	case "si", "stepi":
		d.run(stopCond{mode: modeStepi}, true)
	case "s", "step":
		d.lineStep(modeStep)
	case "n", "next":
		d.lineStep(modeNext)
	case "fin", "finish":
		d.cmdFinish()
	case "swtch":
		d.run(stopCond{mode: modeSwtch}, false)
	case "rsi", "reverse-stepi":
		d.reverseStepi()
	case "rs", "reverse-step":
		d.reverseStep()
	case "restart":
		d.kill()
		if err := d.boot(); err != nil {
			d.printf("%v\n", err)
			return true
		}
		d.printf("Restarted at power-on: the same seed and input replay the run exactly.\n")
	case "bt", "backtrace", "where", "stack":
		d.cmdBacktrace(arg)
	case "regs":
		d.cmdRegisters()
	case "ps":
		d.cmdPs()
	case "i", "info":
		d.cmdInfo(arg)
	case "x":
		d.cmdExamine(arg)
	case "l", "list":
		d.cmdList(arg)
	default:
		d.printf("Undefined command: %q. Try \"help\".\n", cmd)
	}
	return false
}

const helpText = `Running (step, next, stepi, continue and swtch take a count):
  continue (c)          run until a breakpoint, a watchpoint or the end
  step (s)              to the next source line, into calls and into the kernel
  next (n)              to the next line in this function and process
  stepi (si)            one instruction
  finish (fin)          until the current function returns; shows its result
  swtch                 until Swtch resumes a process (the next context switch)
  reverse-stepi (rsi)   back one instruction (re-executes the run from power-on)
  reverse-step (rs)     back to the start of the previous line
  restart               back to power-on
Breakpoints:
  break FUNC|FILE:LINE|*ADDR [if pid==N|if comm==NAME|pid N]
                        kernel (kernel/*.go; NewProc for ProcessManager_NewProc)
                        or program (its .c); a program's breakpoints hold in
                        the processes running it
  break EVENT [pid N]   after a kernel event: swtch [to pid N], syscall [NAME],
                        sleep, wakeup, exit, exec, signal, output, clock, tick,
                        fault (a function of that name: break exit())
  watch ADDR            stop after a store to the word at ADDR
  delete [N], info breakpoints
Looking:
  bt [PID], stack PID   backtrace: kernel frames, then the user frames under
                        the trap; another process's from the u_rsav in its ppda
  ps                    the process table: p_stat, p_pri, p_cpu, p_nice, wchan
  info registers (i r, regs), info line [LOC], list [LOC]
  x/NF ADDR, x ADDR N   N words (F: x hex, d decimal) or bytes (b), or a string (s);
                        ADDR: a number, $reg, a symbol, with + and - offsets
  quit
`

// run resumes the machine under cond and reports the stop.
func (d *Debugger) run(cond stopCond, showInst bool) {
	if d.ended {
		d.printf("The program is not being run (%s). Use restart.\n", d.endMsg)
		return
	}
	d.cond = cond
	ev := d.resumeRun()
	d.cond = stopCond{}
	if ev.ended {
		d.printf("\n[machine stopped: %s]\n", d.endMsg)
		return
	}
	if cond.mode == modeStep || cond.mode == modeStepi {
		d.printTraps()
	}
	d.printf("%s", ev.why)
	d.printStop(showInst)
	if cond.mode == modeFinish && ev.why == "" && cond.value {
		d.printf("Value returned (eax): %#x (%d)\n", d.m.R[0], int32(d.m.R[0]))
	}
}

// printTraps says how the code stepped into the kernel, when it did.
func (d *Debugger) printTraps() {
	for _, t := range d.trapped {
		kind := map[int]string{v6vm.TrapException: "exception", v6vm.TrapSoftware: "int", v6vm.TrapInterrupt: "interrupt"}[t.Kind]
		from := "kernel mode"
		if t.FromUser {
			from = "user mode"
		}
		what := fmt.Sprintf("%s %#x", kind, t.Vector)
		switch {
		case t.Kind == v6vm.TrapSoftware && t.Vector == 0x80:
			what = "int 0x80 (system call)"
		case t.Kind == v6vm.TrapInterrupt && t.Vector == 0x20:
			what = "clock interrupt"
		case t.Kind == v6vm.TrapInterrupt && t.Vector == 0x21:
			what = "console interrupt"
		case t.Kind == v6vm.TrapInterrupt && t.Vector == 0x2E:
			what = "disk interrupt"
		}
		d.printf("[%s from %s, at eip %#x: into the kernel]\n", what, from, t.EIP)
	}
}

// printStop shows where the machine stands: function, file:line, process
// and mode; the source line; with showInst the instruction.
func (d *Debugger) printStop(showInst bool) {
	m := d.m
	eip := m.EIP
	f := d.exeAt(m, eip)
	p := d.cfg.Info.Current(m)
	mode := "kernel"
	if m.User {
		mode = "user"
	}
	ctx := fmt.Sprintf("[pid %d %s, %s mode]", p.Pid, p.Comm, mode)
	if !d.started || f == nil {
		d.printf("%#x %s\n", eip, ctx)
		if showInst || f == nil {
			d.printf("=> %s\n", d.instAt(eip))
		}
		return
	}
	id, lo, _, ok := lineRange(f, eip)
	name := f.Symbolize(eip)
	if s, _, sok := f.SymbolAt(eip); sok && ok && eip == lo {
		name = s.Name
	}
	if name == "" {
		name = fmt.Sprintf("%#x", eip)
	}
	if !ok {
		d.printf("%#x in %s %s\n", eip, name, ctx)
		d.printf("=> %s\n", d.instAt(eip))
		return
	}
	prefix := ""
	if eip != lo {
		prefix = fmt.Sprintf("%#x in ", eip)
	}
	d.printf("%s%s at %s:%d %s\n", prefix, name, id.file, id.line, ctx)
	d.printf("%d\t%s\n", id.line, d.sourceLine(id.file, id.line))
	if showInst {
		d.printf("=> %s\n", d.instAt(eip))
	}
	d.listFile, d.listNext = id.file, 0
}

// instAt disassembles the instruction at eip in the current address space.
func (d *Debugger) instAt(eip uint32) string {
	b, err := d.m.ReadVirt(0, eip, 16)
	if len(b) == 0 {
		return fmt.Sprintf("%#x: (unmapped: %v)", eip, err)
	}
	in, err := isa.Decode(b)
	if err != nil {
		return fmt.Sprintf("%#x: (%v)", eip, err)
	}
	f := d.exeAt(d.m, eip)
	sym := func(a uint32) string {
		if g := d.exeAt(d.m, a); g != nil {
			return g.Symbolize(a)
		}
		return ""
	}
	where := ""
	if f != nil {
		if s := f.Symbolize(eip); s != "" {
			where = " <" + s + ">"
		}
	}
	return fmt.Sprintf("%#x%s:\t%s", eip, where, in.Format(eip, sym))
}

// lineStep is step and next: run until the source line changes.
func (d *Debugger) lineStep(mode int) {
	if d.ended {
		d.run(stopCond{}, false)
		return
	}
	m := d.m
	c := stopCond{mode: mode, user: m.User}
	if id, lo, hi, ok := d.lineAt(m, m.EIP); ok {
		c.line, c.lo, c.hi = id, lo, hi
	}
	if mode == modeNext {
		c.pid = d.cfg.Info.CurrentPid(m)
	}
	d.run(c, false)
}

// cmdFinish runs until the current function returns to its caller.
func (d *Debugger) cmdFinish() {
	if d.ended {
		d.run(stopCond{}, false)
		return
	}
	m := d.m
	f := d.exeAt(m, m.EIP)
	if f == nil {
		d.printf("No symbols here: cannot tell the function.\n")
		return
	}
	if _, _, ok := f.SymbolAt(m.EIP); !ok {
		d.printf("No function at %#x.\n", m.EIP)
		return
	}
	// Where the return address is: above the frame EBP points at, or,
	// before the prologue has run or in a frameless routine, on the stack.
	slot, ok := frameZero(f, m.EIP, m.R[4])
	if !ok {
		slot = m.R[5] + 4
	}
	ret, ok := d.word(0, slot)
	if !ok {
		d.printf("Cannot read the return address at %#x.\n", slot)
		return
	}
	d.printf("Run till exit from %s\n", d.codeName(f, m.EIP))
	c := stopCond{mode: modeFinish, user: m.User, esp: slot + 4, ret: ret, pid: d.cfg.Info.CurrentPid(m)}
	// The kernel's sources say which functions return something; for
	// the program's, show EAX always.
	if s, _, _ := f.SymbolAt(m.EIP); f != d.cfg.Kernel || d.results[s.Name] {
		c.value = true
	}
	d.run(c, false)
}

// reverseStepi goes back one instruction by re-executing the run from
// power-on to the position before this one.
func (d *Debugger) reverseStepi() {
	var target Pos
	switch {
	case !d.started || d.pos == (Pos{}):
		d.printf("Already at power-on: nothing ran before.\n")
		return
	case d.ended:
		var last Pos
		d.replay(Pos{}, true, func(*v6vm.Machine) { last = d.pos })
		target = last
	case d.prevOK:
		target = d.prev
	default:
		cur := d.pos
		var before Pos
		d.replay(cur, false, func(*v6vm.Machine) {
			if d.pos != cur {
				before = d.pos
			}
		})
		target = before
	}
	d.replay(target, false, nil)
	d.printStop(true)
}

// reverseStep goes back to the start of the line before this one (or of
// this one, from inside it), by re-executing the run twice: once to find
// where lines began, once to stop there.
func (d *Debugger) reverseStep() {
	if !d.started || d.pos == (Pos{}) {
		d.printf("Already at power-on: nothing ran before.\n")
		return
	}
	cur, toEnd := d.pos, d.ended
	var last lineID
	var curStart, prevStart Pos
	var lo, hi uint32
	var user bool
	d.replay(cur, toEnd, func(m *v6vm.Machine) {
		eip := m.EIP
		if eip >= lo && eip < hi && m.User == user {
			return
		}
		id, l, h, ok := d.lineAt(m, eip)
		if !ok {
			lo, hi = 0, 0
			return
		}
		lo, hi, user = l, h, m.User
		if id != last {
			prevStart, curStart, last = curStart, d.pos, id
		}
	})
	target := curStart
	if d.pos == curStart || toEnd {
		target = prevStart
		if toEnd {
			target = curStart
		}
	}
	d.replay(target, false, nil)
	d.printStop(false)
}

// replay restarts the machine and runs it quietly to position to (or to
// the end), calling tracker before every instruction.
func (d *Debugger) replay(to Pos, toEnd bool, tracker func(m *v6vm.Machine)) {
	d.kill()
	if err := d.boot(); err != nil {
		d.printf("%v\n", err)
		return
	}
	if to == (Pos{}) && !toEnd {
		return
	}
	d.quiet, d.tracker = true, tracker
	d.cond = stopCond{mode: modeTo, to: to}
	if toEnd {
		d.cond.mode = modeEnd
	}
	ev := d.resumeRun()
	d.quiet, d.tracker, d.cond = false, nil, stopCond{}
	if !ev.ended && d.pos != to {
		d.printf("warning: the re-execution stopped at %d.%d, not %d.%d\n", d.pos.Icount, d.pos.Seq, to.Icount, to.Seq)
	}
}

func (d *Debugger) cmdWatch(arg string) {
	if arg == "" {
		d.printf("watch what? (an address: a number, $reg, a symbol)\n")
		return
	}
	va, err := d.eval(arg)
	if err != nil {
		d.printf("%v\n", err)
		return
	}
	pa, ok := d.m.Translate(0, va)
	if !d.started && va >= kernelBase {
		pa, ok = va-kernelBase, true // paging is off at power-on: the kernel's own mapping
	}
	if !ok {
		d.printf("%#x is not mapped here.\n", va)
		return
	}
	d.nextBP++
	w := &watch{num: d.nextBP, expr: arg, va: va, pa: pa}
	w.old = d.physWord(pa)
	d.wps = append(d.wps, w)
	d.printf("Watchpoint %d: %s (virtual %#x, physical %#x), now %#x\n", w.num, arg, va, pa, w.old)
}

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
