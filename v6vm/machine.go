package v6vm

import (
	"errors"
	"fmt"
	"io"
	"math/bits"

	"v6vm/v6vm/exe"
	"v6vm/v6vm/isa"
)

// Config describes a machine. A run is a pure function of the loaded
// executable, the disk image, this configuration (Seed included) and the
// console input.
type Config struct {
	MemSize         uint32    // physical memory in bytes, a multiple of 4 KiB; default 32 MiB
	Console         io.Writer // console output; nil discards it
	Log             io.Writer // debug console (port 0xE9) output, for kernel messages; nil discards it
	Input           []byte    // console input; each byte arrives when the CPU idles (hlt) with the receive register empty
	InputFlow       bool      // console input also waits for the kernel to raise RTS (ready for input): a scripted session's lines then arrive as they are read
	Disk            []byte    // disk image (whole 512-byte sectors); the machine reads and writes it in place
	DiskLatency     uint64    // instructions from a disk command to its completion interrupt; default 2000
	Seed            uint64    // seeds the timer jitter
	TickPhase       uint32    // delays the timer's first interrupt after it is programmed by this many instructions (systematic sweeps place the ticks with it)
	MaxInstructions uint64    // stop with ErrLimit after this many; 0 means no limit
	Epoch           uint32    // what the real-time clock port reads (seconds since 1970)

	// Idle, when set, is called each time the CPU halts waiting for an
	// interrupt, with the virtual time of the next device event (never if
	// none): an interactive host can wait there for typed input (Type) and
	// pace virtual time to the wall clock. Runs that must be reproducible
	// leave it nil.
	Idle func(m *Machine, next uint64)

	// Poll, when set, is called every PollEvery instructions while the CPU
	// runs, so an interactive host can deliver keystrokes (^C) to a busy
	// system too. Reproducible runs leave it nil.
	Poll      func(m *Machine)
	PollEvery uint64

	// Memory, if set, is the physical memory, instead of a fresh
	// allocation: MemSize bytes of zeros and 8 more of capacity. Sweeps
	// of many short runs pass memory mapped from the host's kernel,
	// zeroed lazily page by page, rather than clear 32 MiB per run.
	Memory []byte
}

// Hooks let tools watch a run. Each is optional; a nil hook costs nothing.
// Hooks must only read machine state.
type Hooks struct {
	Step  func(m *Machine)                                                // before every instruction
	Trap  func(m *Machine, t TrapInfo)                                    // after entering a trap handler
	IO    func(m *Machine, port uint16, value uint32, size int, out bool) // every in and out
	Write func(m *Machine, va, pa, n, value uint32)                       // every CPU store (n bytes; value for n <= 4)
}

// Machine is a whole computer: CPU, memory and devices.
type Machine struct {
	CPU
	cfg   Config
	hooks Hooks

	pic   pic
	timer timer
	con   console
	log   console // the debug console: output only
	disk  disk

	stopped  bool
	status   int
	err      error
	nextPoll uint64 // when Config.Poll is next due
}

// ErrLimit is returned by Run when Config.MaxInstructions was reached.
var ErrLimit = errors.New("instruction limit reached")

const never = ^uint64(0)

// DefaultMemSize is the physical memory of a machine whose Config leaves it 0.
const DefaultMemSize = 32 << 20

// New builds a machine in its power-on state: kernel mode, paging off,
// interrupts off, all devices idle.
func New(cfg Config) *Machine {
	if cfg.MemSize == 0 {
		cfg.MemSize = DefaultMemSize
	}
	cfg.MemSize &^= pageMask
	if cfg.DiskLatency == 0 {
		cfg.DiskLatency = 2000
	}
	if cfg.Console == nil {
		cfg.Console = io.Discard
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	m := &Machine{cfg: cfg}
	c := &m.CPU
	c.m = m
	// 8 spare bytes past the end: the bounce buffer of rmw32.
	if uint64(cap(cfg.Memory)) >= uint64(cfg.MemSize)+8 {
		c.mem = cfg.Memory[:cfg.MemSize]
	} else {
		c.mem = make([]byte, cfg.MemSize, cfg.MemSize+8)
	}
	c.code = make([]*codePage, cfg.MemSize>>pageShift)
	c.flushTLB(false)
	m.pic = pic{base: 0x20, imr: 0}
	m.timer = timer{next: never, rng: newRNG(cfg.Seed), phase: cfg.TickPhase}
	m.con = console{w: cfg.Console, input: cfg.Input, flow: cfg.InputFlow, ticks: &m.timer.ticks}
	m.log = console{w: cfg.Log}
	m.disk = disk{image: cfg.Disk, done: never}
	return m
}

// SetHooks installs hooks (replacing any earlier ones).
func (m *Machine) SetHooks(h Hooks) {
	m.hooks = h
	m.noWTLB = h.Write != nil
	m.flushTLB(false)
}

// Memory is the machine's physical memory, for tools that read it. Writing
// it from outside a stopped machine must be followed by Invalidate.
func (m *Machine) Memory() []byte { return m.mem }

// Invalidate drops cached decodings of physical memory [pa, pa+n) after the
// host has written it.
func (m *Machine) Invalidate(pa, n uint32) { m.invalidatePhys(pa, n) }

// Load copies an executable into physical memory at its load address (data
// after text at the same distance as in the virtual layout), zeroes bss, and
// points EIP at the physical address of the entry.
func (m *Machine) Load(f *exe.File) error {
	load := func(pa uint32, b []byte, what string) error {
		if uint64(pa)+uint64(len(b)) > uint64(len(m.mem)) {
			return fmt.Errorf("load: %s at physical 0x%x (%d bytes) does not fit in %d KiB of memory", what, pa, len(b), len(m.mem)>>10)
		}
		copy(m.mem[pa:], b)
		m.invalidatePhys(pa, uint32(len(b)))
		return nil
	}
	off := f.LoadAddr - f.TextAddr // virtual to physical
	if err := load(f.LoadAddr, f.Text, "text"); err != nil {
		return err
	}
	if err := load(f.DataAddr+off, f.Data, "data"); err != nil {
		return err
	}
	if err := load(f.DataAddr+off+uint32(len(f.Data)), make([]byte, f.BssSize), "bss"); err != nil {
		return err
	}
	m.EIP = f.Entry + off
	return nil
}

// Stopped reports whether the machine has stopped (powered off or failed).
func (m *Machine) Stopped() bool { return m.stopped }

// Stop stops a running machine after the current instruction, as if its
// power were cut; Run returns err. For tools (a debugger's break, a
// benchmark's end), from a hook.
func (m *Machine) Stop(err error) { m.stop(err) }

func (m *Machine) stop(err error) {
	if !m.stopped {
		m.stopped, m.err = true, err
	}
	m.deadline = 0
}

func (m *Machine) powerOff(status uint32) {
	m.status = int(int32(status))
	m.stop(nil)
}

// Run runs the machine until it powers off, fails or reaches the
// instruction limit. It returns the power-off status, and an error saying
// why the machine stopped if it was not powered off.
func (m *Machine) Run() (int, error) {
	c := &m.CPU
	for !m.stopped {
		m.service()
		if m.stopped {
			break
		}
		if c.IF {
			if line, ok := m.pic.pending(); ok {
				m.pic.ack(line)
				c.halted = false
				c.deliver(m.pic.base+uint8(line), 0, false, c.EIP, TrapInterrupt)
				continue
			}
		}
		limit := m.cfg.MaxInstructions
		if limit != 0 && c.Icount >= limit {
			m.stop(ErrLimit)
			break
		}
		if limit == 0 {
			limit = never
		}
		if c.halted {
			m.idle(limit)
			continue
		}
		c.deadline = min(m.nextEvent(), limit)
		if m.cfg.Poll != nil {
			if c.Icount >= m.nextPoll {
				m.cfg.Poll(m)
				m.nextPoll = c.Icount + max(m.cfg.PollEvery, 1)
			}
			c.deadline = min(c.deadline, m.nextPoll)
		}
		if m.hooks.Step != nil {
			m.hooks.Step(m)
			c.deadline = c.Icount + 1
		}
		c.run()
	}
	m.con.flush()
	m.log.flush()
	return m.status, m.err
}

// idle is the halted CPU waiting for an interrupt: console input arrives
// now if there is any, else virtual time skips to the next device event.
func (m *Machine) idle(limit uint64) {
	c := &m.CPU
	m.con.flush()
	m.log.flush()
	if !c.IF {
		m.stop(fmt.Errorf("halted with interrupts disabled at eip 0x%08x", c.EIP))
		return
	}
	if m.con.arrive() {
		m.pic.raise(irqConsole)
		return
	}
	if m.cfg.Idle != nil {
		m.cfg.Idle(m, m.nextEvent())
		if m.stopped || m.con.arrive() {
			m.pic.raise(irqConsole)
			return
		}
	}
	next := m.nextEvent()
	if next == never || !m.canWake() {
		m.stop(fmt.Errorf("halted at eip 0x%08x waiting for an interrupt that no device will raise", c.EIP))
		return
	}
	c.Icount = min(next, limit)
}

// canWake reports whether a device event ahead can interrupt the halted
// CPU: its line unmasked and above every line in service. Nothing changes
// the mask or ends a line's service while the CPU waits, so if no event can,
// it would idle forever (with no instruction limit, a host hang).
func (m *Machine) canWake() bool {
	open := func(line int) bool {
		return m.pic.imr&(1<<line) == 0 && (m.pic.isr == 0 || bits.TrailingZeros16(m.pic.isr) > line)
	}
	return m.timer.next != never && open(irqTimer) || m.disk.done != never && open(irqDisk)
}

// nextEvent is the virtual time of the next device event.
func (m *Machine) nextEvent() uint64 { return min(m.timer.next, m.disk.done) }

// service performs the device events that are due.
func (m *Machine) service() {
	now := m.Icount
	if now >= m.timer.next {
		m.timer.fire(now)
		m.pic.raise(irqTimer)
		// A held-back ^C (flow control) reaches a busy CPU at the ticks.
		if m.con.flow && len(m.con.input) > 0 && m.con.arrive() {
			m.pic.raise(irqConsole)
		}
	}
	if now >= m.disk.done {
		m.disk.complete(m)
		m.pic.raise(irqDisk)
	}
}

// Status says why a stopped machine stopped ("powered off (status 3)", or
// the error).
func (m *Machine) Status() string {
	switch {
	case !m.stopped:
		return "running"
	case m.err != nil:
		return m.err.Error()
	}
	return fmt.Sprintf("powered off (status %d)", m.status)
}

// Regs is a snapshot of the registers, for tools.
type Regs struct {
	R                         [8]uint32
	EIP, EFLAGS               uint32
	CR0, CR2, CR3, IDTR, ESP0 uint32
	Icount                    uint64
}

// Regs returns the current registers.
func (m *Machine) Regs() Regs {
	var r Regs
	copy(r.R[:], m.R[:8])
	r.EIP, r.EFLAGS = m.EIP, m.EFLAGS()
	r.CR0, r.CR2, r.CR3, r.IDTR, r.ESP0 = m.CR0, m.CR2, m.CR3, m.IDTR, m.ESP0
	r.Icount = m.Icount
	return r
}

// ReadPhys copies n bytes of physical memory at pa.
func (m *Machine) ReadPhys(pa uint32, n int) ([]byte, error) {
	if uint64(pa)+uint64(n) > uint64(len(m.mem)) {
		return nil, fmt.Errorf("physical 0x%x+%d is beyond the %d KiB of memory", pa, n, len(m.mem)>>10)
	}
	return append([]byte(nil), m.mem[pa:int(pa)+n]...), nil
}

// ReadVirt copies n bytes at virtual address va as the kernel sees them
// through page directory cr3 (the current one if cr3 is 0 and paging is on),
// without disturbing the TLB or the run.
func (m *Machine) ReadVirt(cr3, va uint32, n int) ([]byte, error) {
	saved := m.CR3
	if cr3 != 0 {
		m.CR3 = cr3
	}
	defer func() { m.CR3 = saved }()
	out := make([]byte, 0, n)
	for len(out) < n {
		a := va + uint32(len(out))
		pa, _, res := m.walk(a, accRead, false)
		if res != walkOK {
			return out, fmt.Errorf("virtual 0x%08x is not mapped", a)
		}
		k := min(n-len(out), int(pageSize-a&pageMask))
		out = append(out, m.mem[pa:int(pa)+k]...)
	}
	return out, nil
}

// Translate gives the physical address of va through page directory cr3
// (the current one if 0), for tools.
func (m *Machine) Translate(cr3, va uint32) (uint32, bool) {
	saved := m.CR3
	if cr3 != 0 {
		m.CR3 = cr3
	}
	pa, _, res := m.walk(va, accRead, false)
	m.CR3 = saved
	return pa, res == walkOK
}

// Type queues bytes of console input, as typed: each arrives when the CPU
// next idles with the receive register empty.
func (m *Machine) Type(b []byte) { m.con.input = append(m.con.input, b...) }

// CloseInput says no more console input will come: once the queued bytes
// are taken, the console status port's bit 1 tells the kernel so (end of
// file for a script fed on standard input).
func (m *Machine) CloseInput() { m.con.closed = true }

// Timer reports the timer's tick count, for tools and tests.
func (m *Machine) Ticks() uint64 { return m.timer.ticks }

var _ = isa.EAX
