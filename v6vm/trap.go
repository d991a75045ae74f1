package v6vm

import (
	"fmt"

	"v6vm/v6vm/isa"
)

// fault describes the exception being raised. Raising panics with the
// sentinel faultSignal; the run loop recovers it in one place and delivers
// the exception, so instruction code never checks errors per operand.
type fault struct {
	vector  uint8
	errCode uint32
	hasErr  bool
}

type signal int

const (
	faultSignal signal = iota // c.flt holds an exception to deliver
	stopSignal                // the machine has stopped (c.m.stop was called)
)

// raise aborts the current instruction with an exception. The instruction
// has changed nothing yet (handlers commit state only after their last
// possible fault), so EIP still points at it and it can be restarted.
func (c *CPU) raise(vector uint8, errCode uint32, hasErr bool) {
	c.flt = fault{vector, errCode, hasErr}
	panic(faultSignal)
}

// machineCheck stops the machine: the kernel pointed a translation outside
// physical memory, which no program can cause and no handler can repair.
func (c *CPU) machineCheck(va, pa uint32) {
	c.m.stop(fmt.Errorf("machine check: address 0x%08x maps to physical 0x%08x, beyond the %d KiB of memory (eip 0x%08x)",
		va, pa, len(c.mem)>>10, c.EIP))
	panic(stopSignal)
}

// recoverFault turns a raised exception into its delivery. Deferred by run.
func (c *CPU) recoverFault() {
	r := recover()
	if r == nil {
		return
	}
	switch r {
	case faultSignal:
		c.rmwCross = false
		c.deliver(c.flt.vector, c.flt.errCode, c.flt.hasErr, c.EIP, TrapException)
	case stopSignal:
	default:
		panic(r)
	}
}

// Kinds of delivery, for hooks and traces.
const (
	TrapException = iota // a fault raised by an instruction
	TrapSoftware         // int n
	TrapInterrupt        // a device interrupt
)

// TrapInfo describes one delivery through the vector table.
type TrapInfo struct {
	Vector   int
	Kind     int
	ErrCode  uint32
	HasErr   bool
	FromUser bool
	EIP      uint32 // the EIP pushed (faulting or next instruction)
	CR2      uint32
}

// deliver enters the handler of vector: it reads the gate, switches to the
// kernel stack when coming from user mode (ESP from esp0), pushes the user
// ESP, EFLAGS, EIP and error code, and jumps to the handler. A failure here
// (no gate, an unmapped kernel stack) is a double fault: the machine stops
// with a report, since the kernel can no longer take exceptions.
func (c *CPU) deliver(vector uint8, errCode uint32, hasErr bool, retEIP uint32, kind int) {
	handler, flags, err := c.gate(vector)
	if err != nil {
		c.m.stop(c.doubleFault(vector, err))
		return
	}
	if kind == TrapSoftware && c.User && flags&isa.GateUser == 0 {
		// x86 reports a refused int n as #GP at the int instruction.
		c.deliver(isa.VecGP, uint32(vector), true, c.EIP, TrapException)
		return
	}
	info := TrapInfo{Vector: int(vector), Kind: kind, ErrCode: errCode, HasErr: hasErr, FromUser: c.User, EIP: retEIP, CR2: c.CR2}
	eflags := c.EFLAGS()
	sp := c.R[isa.ESP]
	userSP := sp
	if c.User {
		c.setMode(false)
		sp = c.ESP0
	}
	push := func(v uint32) bool {
		sp -= 4
		pa, _, res := c.walk(sp, accWrite, false)
		if res != walkOK {
			c.m.stop(c.doubleFault(vector, fmt.Errorf("cannot push on the kernel stack at 0x%08x", sp)))
			return false
		}
		if c.code[pa>>pageShift] != nil {
			c.dropCode(pa >> pageShift)
		}
		if pa&pageMask > pageSize-4 {
			c.m.stop(c.doubleFault(vector, fmt.Errorf("kernel stack 0x%08x is misaligned", sp)))
			return false
		}
		le.PutUint32(c.mem[pa:], v)
		return true
	}
	if info.FromUser && !push(userSP) {
		return
	}
	if !push(eflags) || !push(retEIP) || hasErr && !push(errCode) {
		return
	}
	c.R[isa.ESP] = sp
	if flags&isa.GateTrap == 0 {
		c.IF = false
	}
	c.EIP = handler
	c.halted = false
	if c.m.hooks.Trap != nil {
		c.m.hooks.Trap(c.m, info)
	}
}

// gate reads the vector-table entry for vector, in kernel mode.
func (c *CPU) gate(vector uint8) (handler, flags uint32, err error) {
	addr := c.IDTR + uint32(vector)*8
	var w [2]uint32
	for i := range w {
		va := addr + uint32(i)*4
		pa, _, res := c.walk(va, accRead, false)
		if res != walkOK || pa&pageMask > pageSize-4 {
			return 0, 0, fmt.Errorf("vector table entry at 0x%08x is not mapped", va)
		}
		w[i] = le.Uint32(c.mem[pa:])
	}
	if w[1]&isa.GatePresent == 0 {
		return 0, 0, fmt.Errorf("no handler: gate %d is not present", vector)
	}
	return w[0], w[1], nil
}

func (c *CPU) doubleFault(vector uint8, err error) error {
	return fmt.Errorf("double fault delivering vector %d (%s) at eip 0x%08x: %v", vector, vectorName(vector), c.EIP, err)
}

func vectorName(v uint8) string {
	switch v {
	case isa.VecDivide:
		return "divide error"
	case isa.VecInvalid:
		return "invalid instruction"
	case isa.VecGP:
		return "protection fault"
	case isa.VecPage:
		return "page fault"
	}
	return fmt.Sprintf("int 0x%x", v)
}

// iret returns from a trap: pop EIP and EFLAGS, and ESP too when the popped
// EFLAGS says the trap came from user mode. All pops happen before any state
// changes, so a fault leaves the frame intact.
func (c *CPU) iret() {
	sp := c.R[isa.ESP]
	eip := c.read32(sp)
	flags := c.read32(sp + 4)
	sp += 8
	if flags&isa.FlagUM != 0 {
		usp := c.read32(sp)
		c.R[isa.ESP] = usp
		c.setMode(true)
	} else {
		c.R[isa.ESP] = sp
	}
	c.setArithFlags(flags)
	c.IF = flags&isa.FlagIF != 0
	c.EIP = eip
}
