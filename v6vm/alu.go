package v6vm

import (
	"v6vm/v6vm/isa"
)

// Instruction semantics shared by the forms of each instruction. The flag
// rules are x86's; docs/isa.md states each one.

// ea computes a memory operand's address. NoReg selects R[8], which is zero.
func (c *CPU) ea(in *isa.Inst) uint32 {
	return c.R[in.Base&15] + c.R[in.Index&15]<<(in.Scale&3) + in.Disp
}

// push stores v below ESP; ESP changes only once the store has succeeded.
func (c *CPU) push(v uint32) {
	sp := c.R[isa.ESP] - 4
	c.write32(sp, v)
	c.R[isa.ESP] = sp
}

// privileged raises #GP for a kernel-only instruction in user mode.
func (c *CPU) privileged() {
	if c.User {
		c.raise(isa.VecGP, 0, true)
	}
}

func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

func (c *CPU) zs(r uint32) {
	c.ZF = r == 0
	c.SF = int32(r) < 0
}

func (c *CPU) add(a, b uint32) uint32 {
	r := a + b
	c.CF = r < a
	c.OF = int32((a^r)&(b^r)) < 0
	c.zs(r)
	return r
}

func (c *CPU) adc(a, b uint32) uint32 {
	s := uint64(a) + uint64(b) + uint64(b2u(c.CF))
	r := uint32(s)
	c.CF = s>>32 != 0
	c.OF = int32((a^r)&(b^r)) < 0
	c.zs(r)
	return r
}

func (c *CPU) sub(a, b uint32) uint32 {
	r := a - b
	c.CF = a < b
	c.OF = int32((a^b)&(a^r)) < 0
	c.zs(r)
	return r
}

func (c *CPU) sbb(a, b uint32) uint32 {
	borrow := b2u(c.CF)
	r := a - b - borrow
	c.CF = uint64(a) < uint64(b)+uint64(borrow)
	c.OF = int32((a^b)&(a^r)) < 0
	c.zs(r)
	return r
}

func (c *CPU) logic(r uint32) uint32 {
	c.CF, c.OF = false, false
	c.zs(r)
	return r
}

func (c *CPU) and(a, b uint32) uint32 { return c.logic(a & b) }
func (c *CPU) or(a, b uint32) uint32  { return c.logic(a | b) }
func (c *CPU) xor(a, b uint32) uint32 { return c.logic(a ^ b) }
func (c *CPU) not(a uint32) uint32    { return ^a }

func (c *CPU) neg(a uint32) uint32 {
	r := -a
	c.CF = a != 0
	c.OF = a == 0x80000000
	c.zs(r)
	return r
}

func (c *CPU) inc(a uint32) uint32 {
	r := a + 1
	c.OF = r == 0x80000000
	c.zs(r)
	return r
}

func (c *CPU) dec(a uint32) uint32 {
	r := a - 1
	c.OF = a == 0x80000000
	c.zs(r)
	return r
}

// Shifts mask the count to 5 bits; a zero count changes no flags.

func (c *CPU) shl(a, n uint32) uint32 {
	n &= 31
	if n == 0 {
		return a
	}
	r := a << n
	c.CF = a>>(32-n)&1 != 0
	c.OF = (r>>31 != 0) != c.CF
	c.zs(r)
	return r
}

func (c *CPU) shr(a, n uint32) uint32 {
	n &= 31
	if n == 0 {
		return a
	}
	r := a >> n
	c.CF = a>>(n-1)&1 != 0
	c.OF = a>>31 != 0
	c.zs(r)
	return r
}

func (c *CPU) sar(a, n uint32) uint32 {
	n &= 31
	if n == 0 {
		return a
	}
	r := uint32(int32(a) >> n)
	c.CF = int32(a)>>(n-1)&1 != 0
	c.OF = false
	c.zs(r)
	return r
}

func (c *CPU) mul(src uint32) {
	p := uint64(c.R[isa.EAX]) * uint64(src)
	lo, hi := uint32(p), uint32(p>>32)
	c.R[isa.EAX], c.R[isa.EDX] = lo, hi
	c.CF = hi != 0
	c.OF = c.CF
	c.zs(lo)
}

func (c *CPU) imul1(src uint32) {
	p := int64(int32(c.R[isa.EAX])) * int64(int32(src))
	lo := uint32(p)
	c.R[isa.EAX], c.R[isa.EDX] = lo, uint32(uint64(p)>>32)
	c.CF = p != int64(int32(lo))
	c.OF = c.CF
	c.zs(lo)
}

func (c *CPU) imul2(a, b uint32) uint32 {
	p := int64(int32(a)) * int64(int32(b))
	r := uint32(p)
	c.CF = p != int64(int32(r))
	c.OF = c.CF
	c.zs(r)
	return r
}

func (c *CPU) div(src uint32) {
	d := uint64(c.R[isa.EDX])<<32 | uint64(c.R[isa.EAX])
	if src == 0 {
		c.raise(isa.VecDivide, 0, false)
	}
	q := d / uint64(src)
	if q > 0xFFFFFFFF {
		c.raise(isa.VecDivide, 0, false)
	}
	c.R[isa.EAX], c.R[isa.EDX] = uint32(q), uint32(d%uint64(src))
}

func (c *CPU) idiv(src uint32) {
	d := int64(uint64(c.R[isa.EDX])<<32 | uint64(c.R[isa.EAX]))
	s := int64(int32(src))
	if s == 0 {
		c.raise(isa.VecDivide, 0, false)
	}
	q := d / s // MinInt64 / -1 wraps in Go; the range check below catches it
	if q != int64(int32(q)) {
		c.raise(isa.VecDivide, 0, false)
	}
	c.R[isa.EAX], c.R[isa.EDX] = uint32(q), uint32(d%s)
}

func (c *CPU) getCR(n uint8) uint32 {
	switch n {
	case isa.CR0:
		return c.CR0
	case isa.CR2:
		return c.CR2
	case isa.CR3:
		return c.CR3
	case isa.IDTR:
		return c.IDTR
	case isa.ESP0:
		return c.ESP0
	}
	return 0
}

func (c *CPU) setCR(n uint8, v uint32) {
	switch n {
	case isa.CR0:
		c.CR0 = v & cr0PG
		c.flushTLB(false)
	case isa.CR2:
		c.CR2 = v
	case isa.CR3:
		c.CR3 = v &^ pageMask
		c.flushTLB(true)
	case isa.IDTR:
		c.IDTR = v
	case isa.ESP0:
		c.ESP0 = v
	}
}

func (c *CPU) port(in *isa.Inst) uint16 {
	switch in.Op {
	case isa.InRD32, isa.InRD16, isa.InRD8, isa.OutDR32, isa.OutDR16, isa.OutDR8:
		return uint16(c.R[isa.EDX])
	}
	return uint16(in.Imm)
}

func ioSize(op isa.Opcode) int {
	switch op {
	case isa.InRI16, isa.InRD16, isa.OutIR16, isa.OutDR16:
		return 2
	case isa.InRI8, isa.InRD8, isa.OutIR8, isa.OutDR8:
		return 1
	}
	return 4
}

// repCost is how many instructions' worth of virtual time a block move or
// fill of n bytes takes, so that long copies still advance the clock.
func repCost(n uint32) uint64 { return uint64(n / 32) }

// repMovs copies ECX elements of size bytes from [ESI] to [EDI], forwards.
// It works a page-bounded run at a time; each run is translated before it is
// copied and the registers advance after it, so a fault leaves the
// completed runs done and the instruction restarts where it stopped.
func (c *CPU) repMovs(size uint32) {
	for c.R[isa.ECX] != 0 {
		src, dst := c.R[isa.ESI], c.R[isa.EDI]
		n := min(pageSize-src&pageMask, pageSize-dst&pageMask)
		if total := uint64(c.R[isa.ECX]) * uint64(size); uint64(n) > total {
			n = uint32(total)
		}
		n -= n % size
		if n == 0 { // one element straddles a page boundary
			if size == 4 {
				c.write32(dst, c.read32(src))
			} else {
				c.write8(dst, c.read8(src))
			}
			n = size
		} else {
			spa := c.translate(src, accRead)
			dpa := c.translate(dst, accWrite)
			if c.m.hooks.Write != nil {
				c.m.hooks.Write(c.m, dst, dpa, n, 0)
			}
			if dpa > spa && dpa < spa+n {
				// Overlap with the destination ahead: a forward copy one
				// element at a time, as the real instruction does (each
				// element is read after the previous one is stored).
				if size == 4 {
					for i := uint32(0); i < n; i += 4 {
						le.PutUint32(c.mem[dpa+i:], le.Uint32(c.mem[spa+i:]))
					}
				} else {
					for i := uint32(0); i < n; i++ {
						c.mem[dpa+i] = c.mem[spa+i]
					}
				}
			} else {
				copy(c.mem[dpa:dpa+n], c.mem[spa:spa+n])
			}
		}
		c.R[isa.ESI] += n
		c.R[isa.EDI] += n
		c.R[isa.ECX] -= n / size
		c.Icount += repCost(n)
	}
}

// repStos fills ECX elements at [EDI] with AL or EAX, a page-bounded run at
// a time (see repMovs).
func (c *CPU) repStos(size uint32) {
	v := c.R[isa.EAX]
	for c.R[isa.ECX] != 0 {
		dst := c.R[isa.EDI]
		n := pageSize - dst&pageMask
		if total := uint64(c.R[isa.ECX]) * uint64(size); uint64(n) > total {
			n = uint32(total)
		}
		n -= n % size
		if n == 0 {
			c.write32(dst, v)
			n = size
		} else {
			dpa := c.translate(dst, accWrite)
			if c.m.hooks.Write != nil {
				c.m.hooks.Write(c.m, dst, dpa, n, v)
			}
			b := c.mem[dpa : dpa+n]
			if size == 1 {
				for i := range b {
					b[i] = byte(v)
				}
			} else {
				for i := 0; i < len(b); i += 4 {
					le.PutUint32(b[i:], v)
				}
			}
		}
		c.R[isa.EDI] += n
		c.R[isa.ECX] -= n / size
		c.Icount += repCost(n)
	}
}
