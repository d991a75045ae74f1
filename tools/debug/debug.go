// Package debug is v6vm's debugger: a gdb-like command loop over a whole
// system — the kernel (Go, compiled by tools/kgo) and user programs (C) —
// running on the machine. Breakpoints on kernel functions and lines, and
// on a program's functions and lines in the address spaces running that
// program; step by source line across the user/kernel boundary (stepping
// over int 0x80 lands in the kernel's entry stub, then its Go lines);
// backtraces of the running process and of any process from its ppda; the
// process table; run to the next context switch; watchpoints; and reverse
// execution, by re-running the deterministic machine from power-on to the
// instruction wanted.
//
// The debugger only reads machine state. It stops the machine by blocking
// in the machine's Step hook, which it installs only while something could
// stop the run (a breakpoint, a step, a watchpoint): the machine runs in a
// goroutine of its own and waits there, on a channel, while commands read
// its registers and memory.
package debug

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync/atomic"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/tools/trace"
	"v6vm/v6vm"
	"v6vm/v6vm/exe"
)

// Program is a user program the system runs, with the name exec gives its
// processes (u_comm): its symbols and lines apply in their address spaces.
type Program struct {
	Name string
	Exe  *exe.File
}

// Config describes the system to debug and the session.
type Config struct {
	Kernel   *exe.File
	Info     *trace.Kernel
	Programs []Program        // the program under study first, then init
	Boot     build.BootConfig // the boot image
	Options  boot.Options     // seed, clock, input, limits; Console and Hooks are the debugger's
	Src      fs.FS            // the source tree (kernel/, userland/), for list
	Sources  map[string][]byte
	Trace    []string  // trace event classes to print among the session (as v6vm run --trace)
	Out      io.Writer // the session: replies, and the program's console output as it happens
	Echo     bool      // print each command after the prompt (for a script piped in)
	Commands []string  // commands to run first, as if typed (a scenario's breakpoints)

	// Interruptible keeps the Step hook installed while the machine runs,
	// so that Interrupt (on ^C) can stop it anywhere; without it a run
	// with nothing to stop it goes at full speed to its end.
	Interruptible bool
}

// Pos is a point of a run: the instruction count, and which of the Step
// hook's calls at that count (a fault in an instruction fetch executes
// nothing, so two calls can share a count).
type Pos struct {
	Icount uint64
	Seq    int
}

var errKilled = errors.New("killed by the debugger")

// Run modes: what makes a resumed machine stop, besides breakpoints and
// watchpoints.
const (
	modeContinue = iota
	modeStepi
	modeStep   // until the source line changes
	modeNext   // likewise, not in deeper frames or other processes
	modeFinish // until the function returns
	modeSwtch  // until Swtch resumes a process
	modeTo     // until a position (re-execution: nothing else stops it)
	modeEnd    // to the end (re-execution)
)

// lineID identifies a source line of an executable.
type lineID struct {
	f    *exe.File
	file string
	line int
}

// stopCond is what the running machine checks in the Step hook.
type stopCond struct {
	mode int
	user bool   // step, next, finish: the mode started in
	pid  int32  // next, finish: the process
	esp  uint32 // next, finish: the stack pointer after the return
	ret  uint32 // next (over a call), finish: the return address
	line lineID // step, next: the line started on
	lo   uint32 // step, next: [lo, hi) lies in line
	hi   uint32
	to   Pos // modeTo

	value bool // finish: the function returns something (show EAX)
}

// event is what the machine goroutine reports to the command loop.
type event struct {
	ended  bool
	status int
	err    error
	why    string // a stop: what stopped it ("" for a plain step)
}

// Debugger is one debugging session.
type Debugger struct {
	cfg Config
	out *bufio.Writer

	// The machine and its goroutine.
	m       *v6vm.Machine
	log     *bytes.Buffer
	tracer  *trace.Tracer
	started bool // the goroutine runs (or ran) m
	ended   bool // m has stopped for good
	endMsg  string
	events  chan event
	resume  chan bool // true: go on; false: stop the machine (restart, quit)
	quiet   bool      // re-executing: print neither console output nor trace

	// Positions, maintained by the Step hook.
	pos, prev Pos
	prevOK    bool // prev is known
	fresh     bool // the next Step call is pos itself (power-on)

	cond     stopCond
	tracker  func(m *v6vm.Machine) // called at every Step while re-executing
	switched bool                  // Swtch has resumed a process (trace port)
	trapped  []v6vm.TrapInfo       // traps since the last resume
	watchHit *watch
	hitEIP   uint32 // the instruction that wrote it
	eventHit string // an event breakpoint's report, until the stop

	bps    []*breakpoint
	nextBP int
	byAddr map[uint32][]*breakpoint
	filter [4096]bool // some breakpoint's address has these low 12 bits
	wps    []*watch

	// The user program of the current address space, cached by cr3 until
	// the next kernel event (exec, exit and fork change it).
	spaceCR3 uint32
	spaceExe *exe.File
	spaceOK  bool

	swtchLo, swtchHi uint32          // ProcessManager_Swtch
	results          map[string]bool // kernel functions that return something
	tpLo, tpHi       uint32          // tracePoint, where the kernel announces events

	interrupted atomic.Bool

	lastCmd  string
	prevCmd  string
	listFile string // where the next `list` continues
	listNext int
}

// New makes a debugger with the system at power-on.
func New(cfg Config) (*Debugger, error) {
	d := &Debugger{cfg: cfg, out: bufio.NewWriter(cfg.Out), byAddr: map[uint32][]*breakpoint{}}
	if s, ok := cfg.Kernel.Lookup("ProcessManager_Swtch"); ok {
		d.swtchLo, d.swtchHi = s.Value, s.Value+s.Size
	}
	d.results = kernelResults(cfg.Src)
	if s, ok := cfg.Kernel.Lookup("tracePoint"); ok {
		d.tpLo, d.tpHi = s.Value, s.Value+s.Size
	}
	if err := d.boot(); err != nil {
		return nil, err
	}
	return d, nil
}

// quietWriter writes to w unless the debugger is re-executing.
type quietWriter struct{ d *Debugger }

func (q quietWriter) Write(b []byte) (int, error) {
	if q.d.quiet {
		return len(b), nil
	}
	return q.d.out.Write(b)
}

// boot makes a fresh machine at power-on (the old one must be stopped).
func (d *Debugger) boot() error {
	opt := d.cfg.Options
	opt.Console = nil // the IO hook prints console output as it is written
	// The disk is written in place: each run starts from a copy.
	opt.Disk = append([]byte(nil), d.cfg.Options.Disk...)
	opt.Hooks = v6vm.Hooks{}
	m, log, err := boot.New(d.cfg.Kernel, d.cfg.Boot, opt)
	if err != nil {
		return err
	}
	d.m, d.log = m, log
	// The tracer names kernel events: for event breakpoints, and printed
	// among the session for the classes Config.Trace asks for.
	sinks := []trace.Sink{trace.SinkFunc(d.onEvent)}
	if len(d.cfg.Trace) > 0 {
		var classes []string
		for _, c := range d.cfg.Trace {
			if c == "all" {
				classes = append(classes, trace.Classes()...)
			} else {
				classes = append(classes, c)
			}
		}
		// The session prints the program's output itself.
		classes = dropString(dropString(classes, "output"), "all")
		sink, err := trace.Filter(classes, trace.Text(quietWriter{d}))
		if err != nil {
			return err
		}
		sinks = append(sinks, sink)
	}
	if d.tracer, err = trace.New(d.cfg.Info, d.cfg.Src, []string{"all"}, sinks...); err != nil {
		return err
	}
	d.started, d.ended, d.endMsg = false, false, ""
	d.events, d.resume = make(chan event), make(chan bool)
	d.pos, d.prev, d.prevOK, d.fresh = Pos{}, Pos{}, false, true
	d.spaceOK = false
	d.switched, d.trapped, d.watchHit, d.eventHit = false, nil, nil, ""
	for _, w := range d.wps {
		w.old = d.physWord(w.pa)
	}
	return nil
}

func dropString(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// Interrupt stops the running machine at its next instruction (for ^C;
// Config.Interruptible must be set). It may be called from any goroutine.
func (d *Debugger) Interrupt() { d.interrupted.Store(true) }

// kill stops the machine for good (before a restart or at the end of the
// session) and waits for its goroutine.
func (d *Debugger) kill() {
	if d.started && !d.ended {
		d.quiet = true
		d.resume <- false
		for ev := range d.events {
			if ev.ended {
				break
			}
			d.resume <- false
		}
		d.quiet = false
	}
	d.ended = true
}

// needStep reports whether the run needs the Step hook: whether anything
// but the end of the run can stop it.
func (d *Debugger) needStep() bool {
	return d.cond.mode != modeContinue || len(d.bps) > 0 || len(d.wps) > 0 || d.tracker != nil || d.cfg.Interruptible
}

func (d *Debugger) hooks() v6vm.Hooks {
	h := v6vm.Hooks{IO: d.ioHook, Trap: d.trapHook}
	if d.needStep() {
		h.Step = d.stepHook
	}
	if len(d.wps) > 0 {
		h.Write = d.writeHook
	}
	return h
}

// resumeRun runs the machine under d.cond until something stops it, and
// reports why. It must not be called once the machine has ended.
func (d *Debugger) resumeRun() event {
	d.switched, d.trapped, d.watchHit, d.eventHit = false, nil, nil, ""
	d.m.SetHooks(d.hooks())
	if !d.started {
		d.started = true
		m := d.m
		go func() {
			status, err := m.Run()
			d.events <- event{ended: true, status: status, err: err}
		}()
	} else {
		d.resume <- true
	}
	ev := <-d.events
	if ev.ended {
		d.ended = true
		d.endMsg = d.describeEnd(ev.status, ev.err)
		if d.tracer != nil {
			d.tracer.Flush(d.m)
		}
	}
	return ev
}

// describeEnd says how the run ended, as boot.Run's Result does.
func (d *Debugger) describeEnd(status int, err error) string {
	word := uint32(status)
	r := &boot.Result{Err: err, Icount: d.m.Icount}
	switch {
	case err != nil:
		r.Kind = boot.Stopped
	case word>>24 == 1:
		r.Kind, r.Status = boot.Shutdown, int(word&0xFF)
	case word>>24 == 2:
		r.Kind, r.Status = boot.Program, int(word&0xFFFF)
	case word>>24 == 3:
		r.Kind = boot.Panic
		return "kernel panic:\n" + d.log.String() + boot.Backtrace(d.m, d.cfg.Kernel)
	default:
		r.Kind, r.Err = boot.Stopped, fmt.Errorf("powered off with unknown status %#x", word)
	}
	return r.String()
}

// stepHook runs before every instruction while something may stop the run.
func (d *Debugger) stepHook(m *v6vm.Machine) {
	if d.fresh {
		// The first instruction after power-on: the position the
		// session already stands at.
		d.fresh = false
		d.pos = Pos{m.Icount, 0}
		return
	}
	d.prev, d.prevOK = d.pos, true
	if m.Icount == d.pos.Icount {
		d.pos.Seq++
	} else {
		d.pos = Pos{m.Icount, 0}
	}
	if d.tracker != nil {
		d.tracker(m)
	}
	why, stop := d.check(m)
	if !stop {
		return
	}
	d.events <- event{why: why}
	if !<-d.resume {
		m.Stop(errKilled)
	}
}

// check decides whether to stop before the instruction at EIP.
func (d *Debugger) check(m *v6vm.Machine) (string, bool) {
	c := &d.cond
	switch c.mode {
	case modeTo:
		return "", d.pos == c.to || d.pos.Icount > c.to.Icount
	case modeEnd:
		return "", false
	}
	if d.interrupted.Load() {
		d.interrupted.Store(false)
		return "\nInterrupted.\n", true
	}
	if w := d.watchHit; w != nil {
		d.watchHit = nil
		return d.watchReport(w), true
	}
	eip := m.EIP
	if d.eventHit != "" && (eip < d.tpLo || eip >= d.tpHi) {
		why := d.eventHit
		d.eventHit = ""
		return why, true
	}
	if d.filter[eip&0xFFF] {
		for _, b := range d.byAddr[eip] {
			if d.bpMatches(m, b) {
				b.hits++
				return fmt.Sprintf("Breakpoint %d, ", b.num), true
			}
		}
	}
	switch c.mode {
	case modeStepi:
		return "", true
	case modeNext:
		if c.ret != 0 {
			// Over a call: wait for its return, in this process.
			if eip != c.ret || m.User != c.user || m.R[4] < c.esp || d.cfg.Info.CurrentPid(m) != c.pid {
				return "", false
			}
			c.ret = 0
		}
		// Not into user mode from the kernel, unless this process
		// returns there: its system call or interrupt is over.
		if m.User && !c.user {
			if d.cfg.Info.CurrentPid(m) != c.pid {
				return "", false
			}
			_, _, _, ok := d.lineAt(m, eip)
			return "", ok
		}
		if m.User != c.user || eip >= c.lo && eip < c.hi {
			return "", false
		}
		if f := d.exeAt(m, eip); f != nil {
			if _, off, ok := f.SymbolAt(eip); ok && off == 0 {
				// A function's first instruction: a call (or an
				// interrupt) has just pushed where it returns.
				if ret, ok := d.word(0, m.R[4]); ok {
					c.ret, c.esp = ret, m.R[4]+4
					return "", false
				}
			}
		}
		id, lo, hi, ok := d.lineAt(m, eip)
		if !ok {
			return "", false
		}
		if id == c.line {
			c.lo, c.hi = lo, hi
			return "", false
		}
		return "", d.cfg.Info.CurrentPid(m) == c.pid
	case modeStep:
		if eip >= c.lo && eip < c.hi && m.User == c.user {
			return "", false
		}
		id, lo, hi, ok := d.lineAt(m, eip)
		if !ok {
			return "", false
		}
		if id == c.line {
			c.lo, c.hi = lo, hi
			return "", false
		}
		// Into a function: past its prologue, to the first line of its
		// body, as gdb does.
		if _, off, ok := id.f.SymbolAt(eip); ok && off == 0 {
			if n := prologueLen(id.f, eip); n != 0 {
				c.line, c.lo, c.hi, c.user = lineID{}, eip, eip+n, m.User
				return "", false
			}
		}
		return "", true
	case modeFinish:
		if eip == c.ret && m.User == c.user && m.R[4] >= c.esp && d.cfg.Info.CurrentPid(m) == c.pid {
			return "", true
		}
	case modeSwtch:
		if d.switched && eip >= d.swtchLo && eip < d.swtchHi {
			p := d.cfg.Info.Current(m)
			return fmt.Sprintf("Switched to pid %d (%s): Swtch returns on its stack.\n", p.Pid, p.Comm), true
		}
	}
	return "", false
}

func (d *Debugger) ioHook(m *v6vm.Machine, port uint16, v uint32, size int, out bool) {
	if d.tracer != nil {
		d.tracer.IO(m, port, v, size, out)
	}
	if !out {
		return
	}
	switch port {
	case portConsole:
		if !d.quiet {
			d.out.Write([]byte{byte(v)})
		}
	case portTrace:
		d.spaceOK = false // exec, exit and fork change what runs where
		if v == traceSwtchIn {
			d.switched = true
		}
	}
}

// The console and the kernel's trace port (kernel/trap.go).
const (
	portConsole  = 0x3F8
	portTrace    = 0xED
	traceSwtchIn = 3
)

func (d *Debugger) trapHook(m *v6vm.Machine, t v6vm.TrapInfo) {
	if d.tracer != nil {
		d.tracer.Trap(m, t)
	}
	if len(d.trapped) < 8 {
		d.trapped = append(d.trapped, t)
	}
}

func (d *Debugger) writeHook(m *v6vm.Machine, va, pa, n, value uint32) {
	for _, w := range d.wps {
		if pa < w.pa+4 && w.pa < pa+n {
			d.watchHit, d.hitEIP = w, m.EIP
		}
	}
}

// userExe is the program running in the current address space, or nil.
func (d *Debugger) userExe(m *v6vm.Machine) *exe.File {
	if d.spaceOK && d.spaceCR3 == m.CR3 {
		return d.spaceExe
	}
	comm := d.cfg.Info.Current(m).Comm
	d.spaceCR3, d.spaceExe, d.spaceOK = m.CR3, d.programNamed(comm), true
	return d.spaceExe
}

func (d *Debugger) programNamed(name string) *exe.File {
	for _, p := range d.cfg.Programs {
		if p.Name == name {
			return p.Exe
		}
	}
	return nil
}

func (d *Debugger) programName(f *exe.File) string {
	for _, p := range d.cfg.Programs {
		if p.Exe == f {
			return p.Name
		}
	}
	return "?"
}

// exeAt is the executable whose code is at eip in the current context.
func (d *Debugger) exeAt(m *v6vm.Machine, eip uint32) *exe.File {
	if eip >= kernelBase {
		return d.cfg.Kernel
	}
	return d.userExe(m)
}

const kernelBase = 0xC0000000

// lineAt is the source line at eip and the address range of its entry in
// the line table.
func (d *Debugger) lineAt(m *v6vm.Machine, eip uint32) (id lineID, lo, hi uint32, ok bool) {
	f := d.exeAt(m, eip)
	if f == nil {
		return lineID{}, 0, 0, false
	}
	return lineRange(f, eip)
}

func lineRange(f *exe.File, addr uint32) (id lineID, lo, hi uint32, ok bool) {
	ls := f.Lines
	i, j := 0, len(ls)
	for i < j {
		h := int(uint(i+j) >> 1)
		if ls[h].Addr <= addr {
			i = h + 1
		} else {
			j = h
		}
	}
	if i == 0 || ls[i-1].Line == 0 {
		return lineID{}, 0, 0, false
	}
	l := ls[i-1]
	hi = ^uint32(0)
	if i < len(ls) {
		hi = ls[i].Addr
	}
	if s, _, ok := f.SymbolAt(addr); ok && s.Size != 0 && s.Value+s.Size < hi {
		hi = s.Value + s.Size
	}
	return lineID{f, l.File, l.Line}, l.Addr, hi, true
}

// physWord reads a 32-bit word of physical memory.
func (d *Debugger) physWord(pa uint32) uint32 {
	b, err := d.m.ReadPhys(pa, 4)
	if err != nil {
		return 0
	}
	return le32(b)
}

func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// word reads a 32-bit word at va through page directory cr3 (0: current).
func (d *Debugger) word(cr3, va uint32) (uint32, bool) {
	b, err := d.m.ReadVirt(cr3, va, 4)
	if err != nil || len(b) < 4 {
		return 0, false
	}
	return le32(b), true
}

// watch is a watchpoint: a 32-bit word of physical memory.
type watch struct {
	num  int
	expr string
	va   uint32
	pa   uint32
	old  uint32
}

func (d *Debugger) watchReport(w *watch) string {
	now := d.physWord(w.pa)
	var b strings.Builder
	fmt.Fprintf(&b, "\nWatchpoint %d: %s (physical %#x)\n", w.num, w.expr, w.pa)
	fmt.Fprintf(&b, "written by the instruction at %s\n", d.codeName(d.exeAt(d.m, d.hitEIP), d.hitEIP))
	fmt.Fprintf(&b, "Old value = %#x (%d)\nNew value = %#x (%d)\n", w.old, int32(w.old), now, int32(now))
	w.old = now
	return b.String()
}

// Setup builds the system v6vm run boots for a program: the kernel, init,
// the program as /NAME, both on a fresh disk and in the boot image, with
// init told to run NAME with args. It fills in the Config fields for
// them; the caller adds the options, sources and output.
func Setup(src fs.FS, name string, prog *exe.File, args []string) (Config, error) {
	kernel, err := build.Kernel(src)
	if err != nil {
		return Config{}, fmt.Errorf("building the kernel: %v", err)
	}
	initProg, err := build.UserProgram(src, "init")
	if err != nil {
		return Config{}, fmt.Errorf("building init: %v", err)
	}
	info, err := trace.NewKernel(src, kernel)
	if err != nil {
		return Config{}, err
	}
	disk, err := build.ProgramDisk(src, "/"+name, prog)
	if err != nil {
		return Config{}, err
	}
	return Config{
		Kernel:   kernel,
		Info:     info,
		Programs: []Program{{Name: name, Exe: prog}, {Name: "init", Exe: initProg}},
		Boot: build.BootConfig{
			Cmdline: strings.Join(append([]string{"/init", "/" + name}, args...), " "),
			Files:   []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/" + name, Exe: prog}},
		},
		Options: boot.Options{Disk: disk},
		Src:     src,
	}, nil
}
