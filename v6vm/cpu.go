// Package v6vm is the machine: a 32-bit x86-flavoured CPU with paging, an
// interrupt controller, an interval timer, a console, a disk and a power-off
// port. It is hardware only: it runs whatever kernel it is given and offers
// hooks that let tools watch (never steer) the run.
//
// The instruction set is described by package v6vm/isa; docs/isa.md is the
// reference and docs/machine.md describes the devices.
package v6vm

import (
	"v6vm/v6vm/isa"
)

// CPU is the processor state. Registers and flags are exported for tools to
// read; a running machine must not have them written from outside.
type CPU struct {
	// R holds the eight registers in isa order (isa.EAX...). R[8:] stay zero:
	// a memory operand's "no base"/"no index" (isa.NoReg) reads them, which
	// keeps address computation free of branches.
	R   [16]uint32
	EIP uint32

	CF, ZF, SF, OF bool
	IF             bool
	User           bool // user mode (EFLAGS.UM)

	CR0, CR2, CR3, IDTR, ESP0 uint32

	// Icount is virtual time: instructions executed, plus idle time skipped
	// while halted.
	Icount   uint64
	deadline uint64 // run stops when Icount reaches it
	halted   bool

	mem     []byte // physical memory
	modeKey uint32 // 0 in kernel mode, 1<<20 in user mode; part of every TLB tag
	tlbR    [tlbSize]tlbEntry
	tlbW    [tlbSize]tlbEntry
	tlbRG   [tlbSize]bool // the tlbR entry is of a global page: cr3 writes keep it
	tlbWG   [tlbSize]bool
	noWTLB  bool // never fill tlbW (a write hook needs every write on the slow path)

	// Decoded-instruction cache, per physical page.
	code     []*codePage // indexed by physical page number
	cur      *codePage   // page holding EIP
	curKey   uint32      // EIP>>12 | modeKey of cur; noKey when none
	freePage []*codePage
	scratch  isa.Inst // a decoded instruction that crosses a page (not cached)

	// Fault being raised (see raise) and RMW bounce for page-crossing accesses.
	flt      fault
	rmwVA    uint32
	rmwCross bool

	m *Machine
}

const (
	pageShift = 12
	pageSize  = 1 << pageShift
	pageMask  = pageSize - 1
	tlbSize   = 256
	tlbMask   = tlbSize - 1
	userKey   = 1 << 20
	noKey     = ^uint32(0)
	cr0PG     = 1 << 31
)

type tlbEntry struct{ tag, base uint32 }

// codePage caches decoded instructions of one physical page, by offset.
// An entry with Len 0 is not decoded yet.
type codePage struct {
	ppn  uint32
	inst [pageSize]isa.Inst
}

// EFLAGS packs the flags into the x86-style register.
func (c *CPU) EFLAGS() uint32 {
	f := uint32(1 << 1) // x86's always-one bit, so dumps look familiar
	if c.CF {
		f |= isa.FlagCF
	}
	if c.ZF {
		f |= isa.FlagZF
	}
	if c.SF {
		f |= isa.FlagSF
	}
	if c.IF {
		f |= isa.FlagIF
	}
	if c.OF {
		f |= isa.FlagOF
	}
	if c.User {
		f |= isa.FlagUM
	}
	return f
}

// setArithFlags loads CF ZF SF OF from an EFLAGS value.
func (c *CPU) setArithFlags(f uint32) {
	c.CF = f&isa.FlagCF != 0
	c.ZF = f&isa.FlagZF != 0
	c.SF = f&isa.FlagSF != 0
	c.OF = f&isa.FlagOF != 0
}

// setMode switches between kernel and user mode. The TLB and code cache are
// keyed by mode, so nothing needs flushing.
func (c *CPU) setMode(user bool) {
	c.User = user
	if user {
		c.modeKey = userKey
	} else {
		c.modeKey = 0
	}
}

// flushTLB drops every translation (writes to cr0), or with keepGlobal
// every one but those of global pages (writes to cr3).
func (c *CPU) flushTLB(keepGlobal bool) {
	for i := range c.tlbR {
		if !keepGlobal || !c.tlbRG[i] {
			c.tlbR[i].tag = noKey
		}
		if !keepGlobal || !c.tlbWG[i] {
			c.tlbW[i].tag = noKey
		}
	}
	c.curKey = noKey
}

// invlpg drops the translations of the page holding va.
func (c *CPU) invlpg(va uint32) {
	i := (va >> pageShift) & tlbMask
	c.tlbR[i].tag = noKey
	c.tlbW[i].tag = noKey
	c.curKey = noKey
}

// cond evaluates an isa condition code.
func (c *CPU) cond(cc isa.Opcode) bool {
	switch cc & 15 {
	case isa.CondO:
		return c.OF
	case isa.CondNO:
		return !c.OF
	case isa.CondB:
		return c.CF
	case isa.CondAE:
		return !c.CF
	case isa.CondE:
		return c.ZF
	case isa.CondNE:
		return !c.ZF
	case isa.CondBE:
		return c.CF || c.ZF
	case isa.CondA:
		return !c.CF && !c.ZF
	case isa.CondS:
		return c.SF
	case isa.CondNS:
		return !c.SF
	case isa.CondL:
		return c.SF != c.OF
	case isa.CondGE:
		return c.SF == c.OF
	case isa.CondLE:
		return c.ZF || c.SF != c.OF
	case isa.CondG:
		return !c.ZF && c.SF == c.OF
	}
	return false
}
