package v6vm

// Instruction tests as text scripts (testdata/exec_*.txt), after rsc/unix
// pdp11's exec tests. A script is a list of cases separated by blank lines:
//
//	// add: carry out of bit 31
//	eax=0xffffffff ebx=1 cf=0
//	add eax, ebx
//	now eax=0 cf=1 zf=1
//
// The first line of a case may set up state; then come instructions, each
// followed by a `now` line that lists exactly what that instruction changed.
// Everything not listed must be unchanged: all registers, flags, control
// registers, the mode, the halted state, the devices listed below and every
// byte of physical memory. An instruction is assembled by asm at the current
// EIP (so after a jump or a trap the next line runs at the new EIP). EIP is
// listed only if it is not the next instruction. An instruction line may be
// `.byte ...` for encodings the assembler will not produce. Listing an item
// that is no change is an error, as is leaving a change out.
//
// State items (init and now lines):
//
//	eax=5 ... edi=-1      registers (decimal, 0x hex, or negative)
//	eip=0x1ffe            (init: where the first instruction goes)
//	cf=1 zf= sf= of= if=  flags
//	user / kernel         mode
//	cr0= cr2= cr3= idtr= esp0=
//	mem8[A]= mem16[A]= mem32[A]=   physical memory (little-endian)
//	pte[VA]=V             the page-table entry of VA (< 4 MiB), i.e. mem32 in the page table
//	pic.mask= pic.base= pic.isr= timer.period= timer.jitter=
//	disk.lba= disk.count= disk.addr=
//	con="text"            console output so far (Go-quoted, no spaces)
//
// Now-only items:
//
//	halt                  the CPU halted (hlt)
//	off=3                 the machine powered off with status 3
//	stop:TEXT             the machine stopped with an error containing TEXT
//	                      (the rest of the line; no state is compared)
//	trap N [err=E] [cr2=A] [ret=R]
//	                      the instruction trapped through vector N: the
//	                      expected frame (user ESP if from user, EFLAGS, EIP,
//	                      error code) is pushed on the kernel stack, the CPU is
//	                      in kernel mode at the gate's handler, IF cleared by
//	                      an interrupt gate. The pushed EIP is the instruction
//	                      (a fault) or, for `int N` itself, the next one;
//	                      ret= overrides. Listed items apply after the trap.
//
// The machine every case starts from (newScriptMachine): kernel mode, IF=0,
// paging on, esp=0x7000, the instruction at 0x1000, every other register and
// flag zero, memory zero but for the tables below. Virtual addresses below
// 1 MiB map to the same physical address:
//
//	0x0000           not present
//	0x1000-0x7fff    user, writable (code at 0x1000, stack below 0x7000)
//	0x8000           user, read-only
//	0x9000           kernel only, writable
//	0xa000           not present
//	0xb000           kernel only, read-only
//	0xc000-0x7ffff   user, writable
//	0x80000-0x8ffff  kernel only, writable: page directory 0x80000, page
//	                 table 0x81000, vector table 0x82000, handlers from
//	                 0x83000 (vector v at 0x83000+16*v), more page tables
//	                 0x84000 and 0x85000, kernel stack below esp0=0x90000
//	0x90000-0xfffff  user, writable
//	0x400000         -> 0x3000 through a kernel-only directory entry (user PTE)
//	0x800000         -> 0x3000 through a read-only directory entry (writable PTE)
//	0xc00000         directory entry not present
//
// Gates: every vector present, an interrupt gate, kernel only, except 0x80
// (user trap gate), 0x81 (user interrupt gate), 0x82 (kernel trap gate) and
// 0x30 (not present).

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"v6vm/asm"
	"v6vm/v6vm/isa"
)

const (
	scrMemSize  = 1 << 20
	scrCode     = 0x1000
	scrUStack   = 0x7000
	scrPD       = 0x80000
	scrPT0      = 0x81000
	scrIDT      = 0x82000
	scrHandlers = 0x83000
	scrPT1      = 0x84000
	scrPT2      = 0x85000
	scrKStack   = 0x90000

	pP = isa.PTEPresent
	pW = isa.PTEWritable
	pU = isa.PTEUser
)

// scrPageAttr gives the page-table bits of physical page pa in the
// standard script layout.
func scrPageAttr(pa uint32) uint32 {
	switch {
	case pa == 0, pa == 0xa000:
		return 0
	case pa == 0x8000:
		return pP | pU
	case pa == 0x9000:
		return pP | pW
	case pa == 0xb000:
		return pP
	case pa >= 0x80000 && pa < 0x90000:
		return pP | pW
	}
	return pP | pW | pU
}

// newScriptMachine builds the machine every script case starts from.
func newScriptMachine(con *bytes.Buffer) *Machine {
	m := New(Config{MemSize: scrMemSize, Console: con})
	put := func(a, v uint32) { le.PutUint32(m.mem[a:], v) }
	put(scrPD+0*4, scrPT0|pP|pW|pU)
	put(scrPD+1*4, scrPT1|pP|pW)
	put(scrPD+2*4, scrPT2|pP|pU)
	for pa := uint32(0); pa < scrMemSize; pa += pageSize {
		if a := scrPageAttr(pa); a != 0 {
			put(scrPT0+pa>>pageShift*4, pa|a)
		}
	}
	put(scrPT1, 0x3000|pP|pW|pU)
	put(scrPT2, 0x3000|pP|pW|pU)
	for v := uint32(0); v < 256; v++ {
		flags := uint32(isa.GatePresent)
		switch v {
		case 0x80:
			flags |= isa.GateTrap | isa.GateUser
		case 0x81:
			flags |= isa.GateUser
		case 0x82:
			flags |= isa.GateTrap
		case 0x30:
			flags = 0
		}
		put(scrIDT+v*8, scrHandlers+16*v)
		put(scrIDT+v*8+4, flags)
	}
	m.CR0, m.CR3, m.IDTR, m.ESP0 = cr0PG, scrPD, scrIDT, scrKStack
	m.R[isa.ESP] = scrUStack
	m.EIP = scrCode
	m.flushTLB(false)
	return m
}

// hwalk is the test's own page walk (kernel view, no permission checks),
// used to place code and read gates; it reports ok=false for an unmapped
// address.
func hwalk(mem []byte, cr0, cr3, va uint32) (uint32, bool) {
	if cr0&cr0PG == 0 {
		return va, va < uint32(len(mem))
	}
	pde := le.Uint32(mem[cr3&^pageMask+va>>22*4:])
	if pde&pP == 0 {
		return 0, false
	}
	pte := le.Uint32(mem[pde&^pageMask+(va>>12&0x3ff)*4:])
	if pte&pP == 0 {
		return 0, false
	}
	pa := pte&^pageMask | va&pageMask
	return pa, pa < uint32(len(mem))
}

// scrState is everything a case compares except memory.
type scrState struct {
	R                                [8]uint32
	EIP                              uint32
	CF, ZF, SF, OF, IF, User, Halted bool
	CR0, CR2, CR3, IDTR, ESP0        uint32
	PICMask, PICBase, PICISR         uint32
	TimerPeriod, TimerJitter         uint32
	DiskLBA, DiskCount, DiskAddr     uint32
	Con                              string
	Off                              bool // powered off
	Status                           int
	Err                              string // stop error other than the instruction limit
}

func capture(m *Machine, con *bytes.Buffer) scrState {
	var s scrState
	copy(s.R[:], m.R[:8])
	s.EIP = m.EIP
	s.CF, s.ZF, s.SF, s.OF, s.IF, s.User, s.Halted = m.CF, m.ZF, m.SF, m.OF, m.IF, m.User, m.halted
	s.CR0, s.CR2, s.CR3, s.IDTR, s.ESP0 = m.CR0, m.CR2, m.CR3, m.IDTR, m.ESP0
	s.PICMask, s.PICBase, s.PICISR = uint32(m.pic.imr), uint32(m.pic.base), uint32(m.pic.isr)
	s.TimerPeriod, s.TimerJitter = m.timer.period, m.timer.jitter
	s.DiskLBA, s.DiskCount, s.DiskAddr = m.disk.lba, m.disk.count, m.disk.addr
	s.Con = con.String() + string(m.con.out)
	if m.stopped && m.err == nil {
		s.Off, s.Status = true, m.status
	}
	if m.err != nil && m.err != ErrLimit {
		s.Err = m.err.Error()
	}
	return s
}

// install writes an initial state into a machine that has not run.
func install(m *Machine, s scrState) {
	copy(m.R[:8], s.R[:])
	m.EIP = s.EIP
	m.CF, m.ZF, m.SF, m.OF, m.IF, m.halted = s.CF, s.ZF, s.SF, s.OF, s.IF, s.Halted
	m.setMode(s.User)
	m.CR0, m.CR2, m.CR3, m.IDTR, m.ESP0 = s.CR0, s.CR2, s.CR3, s.IDTR, s.ESP0
	m.pic.imr, m.pic.base, m.pic.isr = uint16(s.PICMask), uint8(s.PICBase), uint16(s.PICISR)
	m.timer.jitter = s.TimerJitter
	if s.TimerPeriod != m.timer.period {
		m.timer.program(m.Icount, s.TimerPeriod)
	}
	m.disk.lba, m.disk.count, m.disk.addr = s.DiskLBA, s.DiskCount, s.DiskAddr
	m.flushTLB(false)
}

// eflags is the EFLAGS value a trap pushes for state s, from docs/isa.md
// (bit 1 is x86's always-one bit).
func (s *scrState) eflags() uint32 {
	f := uint32(2)
	for _, b := range []struct {
		on  bool
		bit uint32
	}{{s.CF, isa.FlagCF}, {s.ZF, isa.FlagZF}, {s.SF, isa.FlagSF}, {s.IF, isa.FlagIF}, {s.OF, isa.FlagOF}, {s.User, isa.FlagUM}} {
		if b.on {
			f |= b.bit
		}
	}
	return f
}

// memEdit is the expected memory: the memory before the instruction with
// some bytes replaced.
type memEdit map[uint32]byte

func (e memEdit) put(addr uint32, size int, v uint32) {
	for i := 0; i < size; i++ {
		e[addr+uint32(i)] = byte(v >> (8 * i))
	}
}

var scrRegs = func() map[string]int {
	r := map[string]int{}
	for i, n := range isa.RegNames32 {
		r[n] = i
	}
	return r
}()

func parseNum(s string) (uint32, error) {
	if strings.HasPrefix(s, "-") {
		v, err := strconv.ParseInt(s, 0, 33)
		if err != nil || v < -1<<31 {
			return 0, fmt.Errorf("bad number %q", s)
		}
		return uint32(v), nil
	}
	v, err := strconv.ParseUint(s, 0, 32)
	if err != nil {
		return 0, fmt.Errorf("bad number %q", s)
	}
	return uint32(v), nil
}

// setItem applies one key=value item to a state and its memory.
func setItem(s *scrState, mem func(addr uint32, size int, v uint32), item string) error {
	switch item {
	case "user":
		s.User = true
		return nil
	case "kernel":
		s.User = false
		return nil
	case "halt":
		s.Halted = true
		return nil
	case "nopaging":
		s.CR0 = 0
		return nil
	}
	key, val, ok := strings.Cut(item, "=")
	if !ok {
		return fmt.Errorf("bad item %q", item)
	}
	if key == "con" {
		str, err := strconv.Unquote(val)
		if err != nil {
			return fmt.Errorf("bad con string %s", val)
		}
		s.Con = str
		return nil
	}
	v, err := parseNum(val)
	if err != nil {
		return err
	}
	if r, ok := scrRegs[key]; ok {
		s.R[r] = v
		return nil
	}
	flag := func(p *bool) error {
		if v > 1 {
			return fmt.Errorf("flag %s must be 0 or 1", key)
		}
		*p = v == 1
		return nil
	}
	switch key {
	case "eip":
		s.EIP = v
	case "cf":
		return flag(&s.CF)
	case "zf":
		return flag(&s.ZF)
	case "sf":
		return flag(&s.SF)
	case "of":
		return flag(&s.OF)
	case "if":
		return flag(&s.IF)
	case "cr0":
		s.CR0 = v
	case "cr2":
		s.CR2 = v
	case "cr3":
		s.CR3 = v
	case "idtr":
		s.IDTR = v
	case "esp0":
		s.ESP0 = v
	case "pic.mask":
		s.PICMask = v
	case "pic.base":
		s.PICBase = v
	case "pic.isr":
		s.PICISR = v
	case "timer.period":
		s.TimerPeriod = v
	case "timer.jitter":
		s.TimerJitter = v
	case "disk.lba":
		s.DiskLBA = v
	case "disk.count":
		s.DiskCount = v
	case "disk.addr":
		s.DiskAddr = v
	case "off":
		s.Off, s.Status = true, int(int32(v))
	default:
		var size int
		var addr string
		switch {
		case strings.HasPrefix(key, "mem8["):
			size, addr = 1, key[5:]
		case strings.HasPrefix(key, "mem16["):
			size, addr = 2, key[6:]
		case strings.HasPrefix(key, "mem32["):
			size, addr = 4, key[6:]
		case strings.HasPrefix(key, "pte["):
			size, addr = 4, key[4:]
		default:
			return fmt.Errorf("unknown item %q", key)
		}
		a, err := parseNum(strings.TrimSuffix(addr, "]"))
		if err != nil || !strings.HasSuffix(addr, "]") {
			return fmt.Errorf("bad address in %q", key)
		}
		if key[0] == 'p' {
			if a >= 4<<20 {
				return fmt.Errorf("pte[] only for addresses below 4 MiB")
			}
			a = scrPT0 + a>>pageShift*4
		}
		if a+uint32(size) > scrMemSize {
			return fmt.Errorf("address 0x%x beyond memory", a)
		}
		mem(a, size, v)
	}
	return nil
}

// trapSpec is a `trap N ...` expectation.
type trapSpec struct {
	vector   uint32
	err      *uint32
	ret      *uint32
	cr2      *uint32
	software bool // int n: the pushed EIP is the next instruction
}

// applyTrap turns the state before an instruction into the state just after
// entering the handler of t, per docs/isa.md. It reads the gate from the
// memory before the instruction.
func applyTrap(before scrState, mem []byte, t trapSpec, eip, next uint32, edit memEdit) scrState {
	s := before
	gpa, _ := hwalk(mem, before.CR0, before.CR3, before.IDTR+t.vector*8)
	handler, flags := le.Uint32(mem[gpa:]), le.Uint32(mem[gpa+4:])
	ret := eip
	if t.software {
		ret = next
	}
	if t.ret != nil {
		ret = *t.ret
	}
	sp := before.R[isa.ESP]
	push := func(v uint32) {
		sp -= 4
		pa, _ := hwalk(mem, before.CR0, before.CR3, sp)
		edit.put(pa, 4, v)
	}
	if before.User {
		sp = before.ESP0
		push(before.R[isa.ESP])
	}
	push(before.eflags())
	push(ret)
	if t.err != nil {
		push(*t.err)
	}
	s.R[isa.ESP] = sp
	s.User = false
	s.Halted = false
	s.EIP = handler
	if flags&isa.GateTrap == 0 {
		s.IF = false
	}
	if t.cr2 != nil {
		s.CR2 = *t.cr2
	}
	return s
}

// errorReporter is the part of testing.T a script run uses (a test of the
// harness itself collects the errors instead).
type errorReporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// scriptRun runs the cases of one script.
type scriptRun struct {
	t        errorReporter
	file     string
	m        *Machine
	pristine []byte // memory of a fresh newScriptMachine
	con      bytes.Buffer
	inst     string // the last instruction, for messages
	// Set by the instruction line for its now line.
	before    scrState
	beforeMem []byte
	traps     []TrapInfo
	eip, next uint32
	software  bool // the instruction is int n
	pending   bool // an instruction awaits its now line
	broken    bool
}

// reset starts a case from the standard machine. The machine and its
// memory are reused across cases (a fresh 1 MiB per case makes the garbage
// collector the bottleneck): a new small machine from New takes over the old
// one's memory, restored from a pristine copy, and its emptied code cache.
func (r *scriptRun) reset() {
	r.con.Reset()
	if r.m == nil {
		r.m = newScriptMachine(&r.con)
		r.pristine = slices.Clone(r.m.mem)
		r.beforeMem = make([]byte, len(r.m.mem))
	} else {
		old := r.m
		old.invalidatePhys(0, uint32(len(old.mem)))
		m := New(Config{MemSize: pageSize, Console: &r.con})
		m.cfg.MemSize = old.cfg.MemSize
		m.mem, m.code, m.freePage = old.mem, old.code, old.freePage
		copy(m.mem, r.pristine)
		m.CR0, m.CR3, m.IDTR, m.ESP0 = cr0PG, scrPD, scrIDT, scrKStack
		m.R[isa.ESP] = scrUStack
		m.EIP = scrCode
		m.flushTLB(false)
		r.m = m
	}
	// Stop right after the first trap is delivered: a fault on instruction
	// fetch does not count as an executed instruction, so the instruction
	// limit alone would let the handler run. Time starts at 1000 so that a
	// limit of Icount is never 0 (no limit).
	r.m.Icount = 1000
	r.m.SetHooks(Hooks{Trap: func(m *Machine, ti TrapInfo) {
		r.traps = append(r.traps, ti)
		m.cfg.MaxInstructions = m.Icount
	}})
	r.pending, r.broken, r.inst = false, false, "(start)"
}

func (r *scriptRun) errorf(line int, format string, args ...any) {
	r.t.Helper()
	r.t.Errorf("%s:%d: %s", r.file, line, fmt.Sprintf(format, args...))
	r.broken = true
}

// runScript runs script text; name is used in messages.
func runScript(t errorReporter, name string, text string) (instructions int) {
	t.Helper()
	r := &scriptRun{t: t, file: name}
	r.reset()
	first := true
	for i, line := range strings.Split(text, "\n") {
		lineno := i + 1
		line = strings.TrimSpace(line)
		if line == "" {
			if r.pending && !r.broken {
				r.errorf(lineno, "%s has no now line", r.inst)
			}
			r.reset()
			first = true
			continue
		}
		if r.broken || strings.HasPrefix(line, "//") {
			continue
		}
		if i := strings.Index(line, " //"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		f := strings.Fields(line)
		switch {
		case f[0] == "now":
			if !r.pending {
				r.errorf(lineno, "now without an instruction")
				continue
			}
			r.pending = false
			r.now(lineno, line)
		case first && isStateLine(f[0]):
			r.init(lineno, f)
		default:
			if r.pending {
				r.errorf(lineno, "%s has no now line", r.inst)
				continue
			}
			r.step(lineno, line)
			instructions++
		}
		first = false
	}
	if r.pending && !r.broken {
		r.errorf(len(strings.Split(text, "\n")), "%s has no now line", r.inst)
	}
	return instructions
}

func isStateLine(tok string) bool {
	return strings.Contains(tok, "=") || tok == "user" || tok == "kernel" || tok == "nopaging"
}

func (r *scriptRun) init(lineno int, items []string) {
	s := capture(r.m, &r.con)
	for _, it := range items {
		err := setItem(&s, func(a uint32, size int, v uint32) {
			for i := 0; i < size; i++ {
				r.m.mem[a+uint32(i)] = byte(v >> (8 * i))
			}
		}, it)
		if err != nil {
			r.errorf(lineno, "%v", err)
			return
		}
	}
	install(r.m, s)
}

// assembleAt assembles one line (an instruction, or .byte data) at addr.
// The assembler aligns the start of text to 4, so the line is labelled and
// preceded by padding to put it exactly at addr.
func assembleAt(name string, lineno int, line string, addr uint32) ([]byte, error) {
	base := addr &^ 3
	var src strings.Builder
	if pad := addr - base; pad > 0 {
		src.WriteString(".byte " + strings.Repeat("0,", int(pad)-1) + "0\n")
	}
	src.WriteString("_i: " + line + "\n")
	f, err := asm.Assemble([]asm.Source{{Name: fmt.Sprintf("%s:%d", name, lineno), Text: []byte(src.String())}}, asm.Options{TextAddr: base})
	if err != nil {
		return nil, err
	}
	s, ok := f.Lookup("_i")
	if !ok || s.Value != addr || s.Value-base+s.Size > uint32(len(f.Text)) {
		return nil, fmt.Errorf("assembler placed %q badly: %+v", line, s)
	}
	return f.Text[s.Value-base : s.Value-base+s.Size], nil
}

func (r *scriptRun) step(lineno int, line string) {
	m := r.m
	eip := m.EIP
	text, err := assembleAt(r.file, lineno, line, eip)
	if err != nil {
		r.errorf(lineno, "%v", err)
		return
	}
	for i := range text {
		pa, ok := hwalk(m.mem, m.CR0, m.CR3, eip+uint32(i))
		if !ok {
			pa = eip + uint32(i) // an unmapped page: put the bytes where identity would
		}
		m.mem[pa] = text[i]
		m.Invalidate(pa, 1)
	}
	r.inst = line
	r.eip, r.next = eip, eip+uint32(len(text))
	r.software = len(text) == 2 && text[0] == byte(isa.Int)
	r.before = capture(m, &r.con)
	copy(r.beforeMem, m.mem)
	r.traps = r.traps[:0]
	r.pending = true

	m.stopped, m.err = false, nil
	m.cfg.MaxInstructions = m.Icount + 1
	m.Run()
}

// expected builds the expected state and memory edits from a now line.
func (r *scriptRun) expected(items []string) (scrState, memEdit, string, error) {
	edit := memEdit{}
	s := r.before
	s.EIP = r.next
	// A trap first: the other items apply on top of it.
	for i := 0; i < len(items); i++ {
		if items[i] != "trap" {
			continue
		}
		if i+1 >= len(items) {
			return s, nil, "", fmt.Errorf("trap needs a vector")
		}
		v, err := parseNum(items[i+1])
		if err != nil || v > 255 {
			return s, nil, "", fmt.Errorf("bad trap vector %q", items[i+1])
		}
		t := trapSpec{vector: v, software: r.software && v == uint32(r.beforeMem[r.eipPA()+1])}
		items = slices.Delete(slices.Clone(items), i, i+2)
		for j := 0; j < len(items); j++ {
			key, val, _ := strings.Cut(items[j], "=")
			var p **uint32
			switch key {
			case "err":
				p = &t.err
			case "ret":
				p = &t.ret
			case "cr2":
				p = &t.cr2
			default:
				continue
			}
			n, err := parseNum(val)
			if err != nil {
				return s, nil, "", err
			}
			*p = &n
			items = slices.Delete(items, j, j+1)
			j--
		}
		s = applyTrap(r.before, r.beforeMem, t, r.eip, r.next, edit)
		break
	}
	for _, it := range items {
		if strings.HasPrefix(it, "stop:") {
			return s, edit, strings.TrimSpace(strings.TrimPrefix(it, "stop:")), nil
		}
		if err := setItem(&s, edit.put, it); err != nil {
			return s, nil, "", err
		}
		if r.unchanged(it) {
			return s, nil, "", fmt.Errorf("%s is listed but is no change: a now line lists only what changed", it)
		}
	}
	return s, edit, "", nil
}

// unchanged reports whether item, applied alone to the state before the
// instruction (with eip at the next instruction), changes nothing.
func (r *scriptRun) unchanged(item string) bool {
	base := r.before
	base.EIP = r.next
	s := base
	edit := memEdit{}
	if setItem(&s, edit.put, item) != nil || s != base {
		return false
	}
	for a, b := range edit {
		if r.beforeMem[a] != b {
			return false
		}
	}
	return true
}

func (r *scriptRun) eipPA() uint32 {
	pa, ok := hwalk(r.beforeMem, r.before.CR0, r.before.CR3, r.eip)
	if !ok {
		return r.eip
	}
	return pa
}

func (r *scriptRun) now(lineno int, line string) {
	items := strings.Fields(line)[1:]
	if i := strings.Index(line, "stop:"); i >= 0 {
		items = append(strings.Fields(line[len("now"):i]), line[i:])
	}
	want, edit, stop, err := r.expected(items)
	if err != nil {
		r.errorf(lineno, "%v", err)
		return
	}
	have := capture(r.m, &r.con)
	if stop != "" {
		if !strings.Contains(have.Err, stop) {
			r.errorf(lineno, "after %s:\nhave %s\nwant stop with an error containing %q", r.inst, r.describe(have), stop)
		}
		return
	}
	if have == want && memMatches(r.beforeMem, r.m.mem, edit) {
		return
	}
	r.errorf(lineno, "after %s:\nhave %s\nwant %s", r.inst, r.describe(have), line)
}

// memMatches reports whether after equals before with edit applied.
func memMatches(before, after []byte, edit memEdit) bool {
	for a, b := range edit {
		if after[a] != b {
			return false
		}
	}
	const chunk = 256
	for i := 0; i < len(before); i += chunk {
		if bytes.Equal(before[i:i+chunk], after[i:i+chunk]) {
			continue
		}
		for j := i; j < i+chunk; j++ {
			if before[j] != after[j] {
				if _, ok := edit[uint32(j)]; !ok {
					return false
				}
			}
		}
	}
	return true
}

// describe prints what the instruction did, in the now-line vocabulary.
func (r *scriptRun) describe(have scrState) string {
	var list []string
	base := r.before
	base.EIP = r.next
	edit := memEdit{}
	if len(r.traps) > 0 {
		ti := r.traps[0]
		t := trapSpec{vector: uint32(ti.Vector), software: ti.Kind == TrapSoftware}
		s := fmt.Sprintf("trap %s", hexs(uint32(ti.Vector)))
		if ti.HasErr {
			t.err = &ti.ErrCode
			s += " err=" + hexs(ti.ErrCode)
		}
		if have.CR2 != r.before.CR2 {
			t.cr2 = &have.CR2
			s += " cr2=" + hexs(have.CR2)
		}
		base = applyTrap(r.before, r.beforeMem, t, r.eip, r.next, edit)
		want := r.eip
		if t.software {
			want = r.next
		}
		if ti.EIP != want {
			s += " ret=" + hexs(ti.EIP)
			ret := ti.EIP
			t.ret = &ret
			edit = memEdit{}
			base = applyTrap(r.before, r.beforeMem, t, r.eip, r.next, edit)
		}
		if len(r.traps) > 1 {
			s += fmt.Sprintf(" (and %d more traps)", len(r.traps)-1)
		}
		list = append(list, s)
	}
	list = append(list, diffState(base, have)...)
	// Memory: aligned words that differ from the expected base.
	mem := r.m.mem
	for a := 0; a < len(mem); a += 4 {
		w := le.Uint32(mem[a:])
		var e [4]byte
		copy(e[:], r.beforeMem[a:a+4])
		for i := range e {
			if b, ok := edit[uint32(a+i)]; ok {
				e[i] = b
			}
		}
		if w != le.Uint32(e[:]) {
			list = append(list, fmt.Sprintf("mem32[0x%x]=%s", a, hexs(w)))
		}
	}
	if len(list) == 0 {
		return "(nothing changed)"
	}
	return strings.Join(list, " ")
}

func hexs(v uint32) string {
	if v < 10 {
		return fmt.Sprint(v)
	}
	return fmt.Sprintf("0x%x", v)
}

func diffState(a, b scrState) []string {
	var list []string
	for i := range a.R {
		if a.R[i] != b.R[i] {
			list = append(list, isa.RegNames32[i]+"="+hexs(b.R[i]))
		}
	}
	u := func(name string, x, y uint32) {
		if x != y {
			list = append(list, name+"="+hexs(y))
		}
	}
	f := func(name string, x, y bool) {
		if x != y {
			list = append(list, name+"="+hexs(b2u(y)))
		}
	}
	u("eip", a.EIP, b.EIP)
	f("cf", a.CF, b.CF)
	f("zf", a.ZF, b.ZF)
	f("sf", a.SF, b.SF)
	f("of", a.OF, b.OF)
	f("if", a.IF, b.IF)
	if a.User != b.User {
		list = append(list, map[bool]string{true: "user", false: "kernel"}[b.User])
	}
	if a.Halted != b.Halted {
		list = append(list, map[bool]string{true: "halt", false: "(not halted)"}[b.Halted])
	}
	u("cr0", a.CR0, b.CR0)
	u("cr2", a.CR2, b.CR2)
	u("cr3", a.CR3, b.CR3)
	u("idtr", a.IDTR, b.IDTR)
	u("esp0", a.ESP0, b.ESP0)
	u("pic.mask", a.PICMask, b.PICMask)
	u("pic.base", a.PICBase, b.PICBase)
	u("pic.isr", a.PICISR, b.PICISR)
	u("timer.period", a.TimerPeriod, b.TimerPeriod)
	u("timer.jitter", a.TimerJitter, b.TimerJitter)
	u("disk.lba", a.DiskLBA, b.DiskLBA)
	u("disk.count", a.DiskCount, b.DiskCount)
	u("disk.addr", a.DiskAddr, b.DiskAddr)
	if a.Con != b.Con {
		list = append(list, "con="+strconv.Quote(b.Con))
	}
	if a.Off != b.Off || a.Status != b.Status {
		list = append(list, fmt.Sprintf("off=%d", b.Status))
	}
	if a.Err != b.Err {
		list = append(list, "stop:"+b.Err)
	}
	return list
}

func scriptFiles(t *testing.T) []string {
	files, err := filepath.Glob("testdata/exec_*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	return files
}

func TestExecScripts(t *testing.T) {
	total := 0
	for _, file := range scriptFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			total += runScript(t, file, string(data))
		})
	}
	t.Logf("%d instructions executed from scripts", total)
}

// TestExecCoverage checks that every instruction in isa.Table is executed by
// at least one script line.
func TestExecCoverage(t *testing.T) {
	seen := map[byte]bool{}
	for _, file := range scriptFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		first := true
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if i := strings.Index(line, " //"); i >= 0 {
				line = strings.TrimSpace(line[:i])
			}
			switch {
			case line == "":
				first = true
				continue
			case strings.HasPrefix(line, "//"):
				continue
			case strings.HasPrefix(line, "now") || strings.HasPrefix(line, "."),
				first && isStateLine(strings.Fields(line)[0]):
			default:
				text, err := assembleAt(file, 1, line, scrCode)
				if err == nil && len(text) > 0 {
					seen[text[0]] = true
				}
			}
			first = false
		}
	}
	for op := range isa.Table {
		if isa.Table[op].Valid() && !seen[byte(op)] {
			t.Errorf("no script executes opcode 0x%02x (%s)", op, isa.Table[op].Name)
		}
	}
}

// TestGeneratedScriptsUpToDate regenerates the exec_gen_*.txt scripts and
// checks they match the ones in testdata.
func TestGeneratedScriptsUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator")
	}
	dir := t.TempDir()
	if out, err := exec.Command("go", "run", "testdata/gen_exec.go", dir).CombinedOutput(); err != nil {
		t.Fatalf("go run testdata/gen_exec.go: %v\n%s", err, out)
	}
	gen, _ := filepath.Glob(filepath.Join(dir, "exec_gen_*.txt"))
	have, _ := filepath.Glob("testdata/exec_gen_*.txt")
	if len(gen) == 0 || len(gen) != len(have) {
		t.Fatalf("generator wrote %d scripts, testdata has %d", len(gen), len(have))
	}
	for _, g := range gen {
		want, _ := os.ReadFile(g)
		got, err := os.ReadFile(filepath.Join("testdata", filepath.Base(g)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("testdata/%s is stale: run 'go run gen_exec.go' in v6vm/testdata", filepath.Base(g))
		}
	}
}

type errorList []string

func (e *errorList) Helper()                           {}
func (e *errorList) Errorf(format string, args ...any) { *e = append(*e, fmt.Sprintf(format, args...)) }

// TestScriptHarnessFails checks that the harness notices what a wrong now
// line gets wrong: an unlisted change, a listed change that did not happen,
// a wrong trap, a wrong eip.
func TestScriptHarnessFails(t *testing.T) {
	for _, c := range []struct{ script, want string }{
		{"eax=1\nadd eax, eax\nnow eax=2", ""},
		{"eax=1\nadd eax, eax\nnow", "have eax=2"},
		{"eax=1\nadd eax, eax\nnow eax=2 cf=1", "have eax=2"},
		{"eax=1\nmov [0x2000], eax\nnow", "have mem32[0x2000]=1"},
		{"eax=1\nmov [0x2000], eax\nnow mem32[0x2000]=1 mem8[0x3000]=0", "mem8[0x3000]=0 is listed but is no change"},
		{"eax=1\nnop\nnow eax=1", "eax=1 is listed but is no change"},
		{"nop\nnow eip=0x1001", "eip=0x1001 is listed but is no change"},
		{"eax=1\nmov [0x2000], eax\nnow mem32[0x2000]=1 mem8[0x3000]=5", "have mem32[0x2000]=1"},
		{"ud2\nnow trap 13", "have trap 6"},
		{"mov eax, [0xa000]\nnow trap 14 err=2 cr2=0xa000", "have trap 0xe err=0 cr2=0xa000"},
		{"mov eax, [0xa000]\nnow trap 14 err=0", "cr2=0xa000"},
		{"jmp 0x1800\nnow", "have eip=0x1800"},
		{"user\nint 0x80\nnow trap 0x80 if=1", "have trap 0x80"},
		{"nop", "has no now line"},
		{"nop\nnop\nnow", "has no now line"},
		{"frob eax\nnow", "unknown instruction"},
		{"eax=1\nnop\nnow eax=2 bogus=2", "unknown item"},
	} {
		var errs errorList
		runScript(&errs, "t.txt", c.script)
		got := strings.Join(errs, "\n")
		if c.want == "" && len(errs) > 0 || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("script %q:\nerrors %q\nwant one containing %q", c.script, got, c.want)
		}
	}
}
