package debug

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"v6vm/v6vm"
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
		d.interrupted.Store(false) // a ^C at the prompt stops nothing
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
		if arg == "here" {
			// Re-executed from power-on to this very instruction: a
			// fresh machine in the same state, reached by the run
			// itself ("restart to here").
			if !d.started {
				d.printf("At power-on already.\n")
				return false
			}
			to := d.pos
			d.replay(to, d.ended, nil)
			d.printf("Restarted and re-executed to here (instruction %d).\n", to.Icount)
			d.printStop(true)
			return false
		}
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
  restart here          re-execute from power-on to this instruction
  ^C                    (at a terminal) stop the running machine where it is
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
	// The watched words as they are here: the next hit's old value.
	for _, w := range d.wps {
		w.old = d.physWord(w.pa)
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
