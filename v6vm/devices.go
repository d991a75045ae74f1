package v6vm

import (
	"fmt"
	"io"
	"math/bits"
)

// I/O ports. docs/machine.md describes each device.
const (
	PortPICEOI    = 0x20 // out: end of interrupt for the highest-priority line in service
	PortPICMask   = 0x21 // in/out: 16-bit mask, bit n masks line n
	PortPICBase   = 0x22 // in/out: vector of line 0 (default 0x20)
	PortTimer     = 0x40 // out: period in instructions (0 stops the timer)
	PortJitter    = 0x41 // out: each period is lengthened by a seeded draw in [0, jitter]
	PortTimeLo    = 0x42 // in: virtual time (instructions), low 32 bits
	PortTimeHi    = 0x43 // in: high 32 bits
	PortTicks     = 0x44 // in: timer interrupts raised so far
	PortRTC       = 0x70 // in: the wall clock at power-on, seconds since 1970
	PortPower     = 0xF4 // out: power off with this exit status
	PortDiskLBA   = 0x1F0
	PortDiskCount = 0x1F1 // sectors
	PortDiskAddr  = 0x1F2 // physical memory address (DMA)
	PortDiskCmd   = 0x1F3 // out: 1 read, 2 write; starts the transfer
	PortDiskStat  = 0x1F4 // in: bit 0 busy, bit 1 error, bit 2 done
	PortDiskSize  = 0x1F5 // in: disk size in sectors
	PortConData   = 0x3F8 // out: write a byte; in: take the received byte
	PortConStat   = 0x3F9 // in: bit 0 a byte has been received; bit 1 the input has ended
	PortConCtl    = 0x3FA // out: bit 0 enables the receive interrupt; bit 1 is RTS, "ready for input" (see Config.InputFlow)
	PortDebugCon  = 0xE9  // out: a byte to the debug console (Config.Log), as Bochs's and QEMU's port 0xE9
)

// Interrupt lines, as on a PC: the vector is the PIC base plus the line.
const (
	irqTimer   = 0
	irqConsole = 1
	irqDisk    = 14
)

// SectorSize is the disk's sector size.
const SectorSize = 512

// Disk status bits.
const (
	DiskBusy  = 1 << 0
	DiskError = 1 << 1
	DiskDone  = 1 << 2
)

func (m *Machine) in(port uint16, size int) uint32 {
	var v uint32
	switch port {
	case PortPICMask:
		v = uint32(m.pic.imr)
	case PortPICBase:
		v = uint32(m.pic.base)
	case PortTimeLo:
		v = uint32(m.Icount)
	case PortTimeHi:
		v = uint32(m.Icount >> 32)
	case PortTicks:
		v = uint32(m.timer.ticks)
	case PortRTC:
		v = m.cfg.Epoch
	case PortDiskStat:
		v = m.disk.status
	case PortDiskSize:
		v = uint32(len(m.disk.image) / SectorSize)
	case PortDiskLBA:
		v = m.disk.lba
	case PortDiskCount:
		v = m.disk.count
	case PortDiskAddr:
		v = m.disk.addr
	case PortConData:
		v = m.con.take()
	case PortConStat:
		v = b2u(m.con.ready) | b2u(m.con.closed && !m.con.ready && len(m.con.input) == 0)<<1
	default:
		v = ^uint32(0) // nothing answers: the bus floats high
	}
	switch size {
	case 1:
		v &= 0xFF
	case 2:
		v &= 0xFFFF
	}
	if m.hooks.IO != nil {
		m.hooks.IO(m, port, v, size, false)
	}
	return v
}

func (m *Machine) out(port uint16, v uint32, size int) {
	switch size {
	case 1:
		v &= 0xFF
	case 2:
		v &= 0xFFFF
	}
	if m.hooks.IO != nil {
		m.hooks.IO(m, port, v, size, true)
	}
	switch port {
	case PortPICEOI:
		m.pic.eoi()
	case PortPICMask:
		m.pic.imr = uint16(v)
	case PortPICBase:
		m.pic.base = uint8(v)
	case PortTimer:
		m.timer.program(m.Icount, v)
	case PortJitter:
		m.timer.jitter = v
	case PortPower:
		m.powerOff(v)
	case PortDiskLBA:
		m.disk.lba = v
	case PortDiskCount:
		m.disk.count = v
	case PortDiskAddr:
		m.disk.addr = v
	case PortDiskCmd:
		m.disk.start(v, m.Icount+m.cfg.DiskLatency)
	case PortConData:
		m.con.put(byte(v))
	case PortDebugCon:
		m.log.put(byte(v))
	case PortConCtl:
		m.con.intr = v&1 != 0
		m.con.rts = v&2 != 0
		if m.con.intr && m.con.ready {
			m.pic.raise(irqConsole)
		}
	}
}

// pic is an 8259-like interrupt controller with 16 lines; line 0 has the
// highest priority. A requested line is delivered when it is unmasked and
// above every line in service; EOI ends the highest one in service.
type pic struct {
	irr, isr, imr uint16
	base          uint8
}

func (p *pic) raise(line int) { p.irr |= 1 << line }

func (p *pic) pending() (int, bool) {
	req := p.irr &^ p.imr
	if req == 0 {
		return 0, false
	}
	line := bits.TrailingZeros16(req)
	if p.isr != 0 && bits.TrailingZeros16(p.isr) <= line {
		return 0, false
	}
	return line, true
}

func (p *pic) ack(line int) {
	p.irr &^= 1 << line
	p.isr |= 1 << line
}

func (p *pic) eoi() { p.isr &= p.isr - 1 } // clears the lowest set bit

// timer raises line 0 every period instructions, each period lengthened by
// a draw from a seeded generator in [0, jitter]: the same seed gives the same
// ticks, another seed other ticks. The first period programmed is also
// lengthened by phase (Config.TickPhase): with no jitter, phases 0 to
// period-1 place the ticks at every point of the program.
type timer struct {
	period, jitter uint32
	phase          uint32
	next           uint64
	ticks          uint64
	rng            rng
}

func (t *timer) program(now uint64, period uint32) {
	t.period = period
	if period == 0 {
		t.next = never
		return
	}
	t.next = now + t.interval() + uint64(t.phase)
	t.phase = 0
}

func (t *timer) interval() uint64 {
	d := uint64(t.period)
	if t.jitter > 0 {
		d += t.rng.next() % (uint64(t.jitter) + 1)
	}
	return d
}

func (t *timer) fire(now uint64) {
	t.ticks++
	t.next = now + t.interval()
}

// rng is splitmix64: tiny, and fixed here so a seed means the same run on
// every Go version.
type rng struct{ s uint64 }

func newRNG(seed uint64) rng { return rng{seed} }

func (r *rng) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

// console is a serial-style terminal: output bytes go to the host (buffered
// until the CPU idles or stops), input bytes arrive one at a time.
type console struct {
	w      io.Writer
	out    []byte
	input  []byte // bytes still to arrive
	rx     byte   // receive register
	ready  bool   // rx holds a byte
	intr   bool   // receive interrupt enabled
	closed bool   // no input will come after what is queued

	endSeen bool    // the end has been signalled with an interrupt
	flow    bool    // input waits for RTS (Config.InputFlow)
	rts     bool    // the kernel is ready for input
	ticks   *uint64 // the timer's tick count
	takenAt uint64  // the tick count when the kernel last took a byte
}

func (c *console) put(b byte) {
	c.out = append(c.out, b)
	if len(c.out) >= 4096 {
		c.flush()
	}
}

func (c *console) flush() {
	if len(c.out) > 0 {
		c.w.Write(c.out)
		c.out = c.out[:0]
	}
}

func (c *console) take() uint32 {
	if !c.ready {
		return 0
	}
	c.takenAt = *c.ticks
	c.ready = false
	return uint32(c.rx)
}

// arrive moves the next input byte into the receive register if it is
// empty; it reports whether that should interrupt. Once the input has been
// closed and is used up, it interrupts one more time, so that the kernel
// sees the end (status bit 1) without polling.
func (c *console) arrive() bool {
	if !c.ready && len(c.input) == 0 && c.closed && !c.endSeen {
		c.endSeen = true
		return c.intr
	}
	if c.ready || len(c.input) == 0 || c.flow && !c.rts && !c.attentionDue() {
		return false
	}
	c.rx, c.input, c.ready = c.input[0], c.input[1:], true
	return c.intr
}

// attention reports whether b is one of the bytes a terminal user types to
// interrupt a running program (^C, ^\): with flow control they are not held
// back until the kernel is ready for input, or they could never interrupt
// a program that reads nothing.
func attention(b byte) bool { return b == 3 || b == 0x1C }

// attentionTicks is how long a script's ^C waits, in timer ticks, after the
// byte before it was taken: a user who has typed a command waits to see it
// run before interrupting it (120 ticks are a second of V6++'s clock).
const attentionTicks = 120

// attentionDue reports whether an interrupt character at the head of the
// input is due: held back by flow control no longer than that.
func (c *console) attentionDue() bool {
	return attention(c.input[0]) && *c.ticks >= c.takenAt+attentionTicks
}

// disk transfers whole sectors between its image and physical memory by
// DMA, completing (and interrupting) a fixed latency after the command.
type disk struct {
	image            []byte
	lba, count, addr uint32
	status           uint32
	cmd              uint32
	done             uint64
}

func (d *disk) start(cmd uint32, at uint64) {
	if d.status&DiskBusy != 0 {
		return // a command while busy is ignored, as real controllers do
	}
	d.cmd = cmd
	d.status = DiskBusy
	d.done = at
}

func (d *disk) complete(m *Machine) {
	d.done = never
	d.status = DiskDone
	n := uint64(d.count) * SectorSize
	pos := uint64(d.lba) * SectorSize
	if (d.cmd != 1 && d.cmd != 2) || pos+n > uint64(len(d.image)) || uint64(d.addr)+n > uint64(len(m.mem)) {
		d.status |= DiskError
		return
	}
	if d.cmd == 1 {
		copy(m.mem[d.addr:], d.image[pos:pos+n])
		m.invalidatePhys(d.addr, uint32(n))
	} else {
		copy(d.image[pos:], m.mem[d.addr:uint64(d.addr)+n])
	}
}

var _ = fmt.Sprint
