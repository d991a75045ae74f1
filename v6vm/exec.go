package v6vm

import (
	"v6vm/v6vm/isa"
)

// run executes instructions until Icount reaches c.deadline. Instructions
// that may make an interrupt deliverable or stop the CPU (sti, popf, iret,
// out, hlt) end the batch early by clearing the deadline, so the machine
// loop re-examines devices between them. A fault unwinds to recoverFault.
//
// EIP is written only at the end of an instruction, so while one executes
// c.EIP still addresses it: that is the EIP a fault reports.
func (c *CPU) run() {
	defer c.recoverFault()
	for c.Icount < c.deadline {
		eip := c.EIP
		if eip>>pageShift|c.modeKey != c.curKey {
			c.fetchPage(eip)
		}
		in := &c.cur.inst[eip&pageMask]
		c.Icount++
		var next uint32
	dispatch:
		next = eip + uint32(in.Len)
		switch in.Op {
		case isa.Invalid:
			// Not decoded yet (opcode 0 is never assigned, so a fresh slot
			// reads as Invalid); decode raises #UD if it really is invalid.
			in = c.decode(eip)
			goto dispatch
		case isa.MovRR:
			c.R[in.R1&7] = c.R[in.R2&7]
		case isa.MovRI:
			c.R[in.R1&7] = in.Imm
		case isa.MovRM:
			a := c.ea(in)
			v, ok := c.rd32(a)
			if !ok {
				v = c.readSlow(a, 4)
			}
			c.R[in.R1&7] = v
		case isa.MovMR:
			if a := c.ea(in); !c.wr32(a, c.R[in.R1&7]) {
				c.writeSlow(a, c.R[in.R1&7], 4)
			}
		case isa.MovMI:
			if a := c.ea(in); !c.wr32(a, in.Imm) {
				c.writeSlow(a, in.Imm, 4)
			}
		case isa.MovM16R:
			c.write16(c.ea(in), c.R[in.R1&7])
		case isa.MovM16I:
			c.write16(c.ea(in), in.Imm)
		case isa.MovM8R:
			c.write8(c.ea(in), c.R[in.R1&7])
		case isa.MovM8I:
			c.write8(c.ea(in), in.Imm)
		case isa.MovzxRM8:
			c.R[in.R1&7] = c.read8(c.ea(in))
		case isa.MovzxRM16:
			c.R[in.R1&7] = c.read16(c.ea(in))
		case isa.MovsxRM8:
			c.R[in.R1&7] = uint32(int32(int8(c.read8(c.ea(in)))))
		case isa.MovsxRM16:
			c.R[in.R1&7] = uint32(int32(int16(c.read16(c.ea(in)))))
		case isa.MovzxRR8:
			c.R[in.R1&7] = c.R[in.R2&7] & 0xFF
		case isa.MovzxRR16:
			c.R[in.R1&7] = c.R[in.R2&7] & 0xFFFF
		case isa.MovsxRR8:
			c.R[in.R1&7] = uint32(int32(int8(c.R[in.R2&7])))
		case isa.MovsxRR16:
			c.R[in.R1&7] = uint32(int32(int16(c.R[in.R2&7])))
		case isa.Lea:
			c.R[in.R1&7] = c.ea(in)
		case isa.PushR:
			sp := c.R[isa.ESP] - 4
			if !c.wr32(sp, c.R[in.R1&7]) {
				c.writeSlow(sp, c.R[in.R1&7], 4)
			}
			c.R[isa.ESP] = sp
		case isa.PushI:
			c.push(in.Imm)
		case isa.PushM:
			c.push(c.read32(c.ea(in)))
		case isa.PopR:
			sp := c.R[isa.ESP]
			v, ok := c.rd32(sp)
			if !ok {
				v = c.readSlow(sp, 4)
			}
			c.R[isa.ESP] = sp + 4
			c.R[in.R1&7] = v
		case isa.PopM:
			// As on x86, the destination address uses the incremented ESP.
			sp := c.R[isa.ESP]
			v := c.read32(sp)
			c.R[isa.ESP] = sp + 4
			a := c.ea(in)
			c.R[isa.ESP] = sp
			c.write32(a, v)
			c.R[isa.ESP] = sp + 4
		case isa.Pushf:
			c.push(c.EFLAGS())
		case isa.Popf:
			sp := c.R[isa.ESP]
			v := c.read32(sp)
			c.R[isa.ESP] = sp + 4
			c.setArithFlags(v)
			if !c.User {
				c.IF = v&isa.FlagIF != 0
				c.deadline = 0
			}
		case isa.XchgRR:
			c.R[in.R1&7], c.R[in.R2&7] = c.R[in.R2&7], c.R[in.R1&7]
		case isa.Cdq:
			c.R[isa.EDX] = uint32(int32(c.R[isa.EAX]) >> 31)
		case isa.Nop:

		case isa.AddRR:
			c.R[in.R1&7] = c.add(c.R[in.R1&7], c.R[in.R2&7])
		case isa.AddRI:
			c.R[in.R1&7] = c.add(c.R[in.R1&7], in.Imm)
		case isa.AddRM:
			c.R[in.R1&7] = c.add(c.R[in.R1&7], c.read32(c.ea(in)))
		case isa.AddMR:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.add(c.ld32(pa), c.R[in.R1&7]))
		case isa.AddMI:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.add(c.ld32(pa), in.Imm))
		case isa.OrRR:
			c.R[in.R1&7] = c.or(c.R[in.R1&7], c.R[in.R2&7])
		case isa.OrRI:
			c.R[in.R1&7] = c.or(c.R[in.R1&7], in.Imm)
		case isa.OrRM:
			c.R[in.R1&7] = c.or(c.R[in.R1&7], c.read32(c.ea(in)))
		case isa.OrMR:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.or(c.ld32(pa), c.R[in.R1&7]))
		case isa.OrMI:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.or(c.ld32(pa), in.Imm))
		case isa.AdcRR:
			c.R[in.R1&7] = c.adc(c.R[in.R1&7], c.R[in.R2&7])
		case isa.AdcRI:
			c.R[in.R1&7] = c.adc(c.R[in.R1&7], in.Imm)
		case isa.AdcRM:
			c.R[in.R1&7] = c.adc(c.R[in.R1&7], c.read32(c.ea(in)))
		case isa.AdcMR:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.adc(c.ld32(pa), c.R[in.R1&7]))
		case isa.AdcMI:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.adc(c.ld32(pa), in.Imm))
		case isa.SbbRR:
			c.R[in.R1&7] = c.sbb(c.R[in.R1&7], c.R[in.R2&7])
		case isa.SbbRI:
			c.R[in.R1&7] = c.sbb(c.R[in.R1&7], in.Imm)
		case isa.SbbRM:
			c.R[in.R1&7] = c.sbb(c.R[in.R1&7], c.read32(c.ea(in)))
		case isa.SbbMR:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.sbb(c.ld32(pa), c.R[in.R1&7]))
		case isa.SbbMI:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.sbb(c.ld32(pa), in.Imm))
		case isa.AndRR:
			c.R[in.R1&7] = c.and(c.R[in.R1&7], c.R[in.R2&7])
		case isa.AndRI:
			c.R[in.R1&7] = c.and(c.R[in.R1&7], in.Imm)
		case isa.AndRM:
			c.R[in.R1&7] = c.and(c.R[in.R1&7], c.read32(c.ea(in)))
		case isa.AndMR:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.and(c.ld32(pa), c.R[in.R1&7]))
		case isa.AndMI:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.and(c.ld32(pa), in.Imm))
		case isa.SubRR:
			c.R[in.R1&7] = c.sub(c.R[in.R1&7], c.R[in.R2&7])
		case isa.SubRI:
			c.R[in.R1&7] = c.sub(c.R[in.R1&7], in.Imm)
		case isa.SubRM:
			c.R[in.R1&7] = c.sub(c.R[in.R1&7], c.read32(c.ea(in)))
		case isa.SubMR:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.sub(c.ld32(pa), c.R[in.R1&7]))
		case isa.SubMI:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.sub(c.ld32(pa), in.Imm))
		case isa.XorRR:
			c.R[in.R1&7] = c.xor(c.R[in.R1&7], c.R[in.R2&7])
		case isa.XorRI:
			c.R[in.R1&7] = c.xor(c.R[in.R1&7], in.Imm)
		case isa.XorRM:
			c.R[in.R1&7] = c.xor(c.R[in.R1&7], c.read32(c.ea(in)))
		case isa.XorMR:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.xor(c.ld32(pa), c.R[in.R1&7]))
		case isa.XorMI:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.xor(c.ld32(pa), in.Imm))
		case isa.CmpRR:
			c.sub(c.R[in.R1&7], c.R[in.R2&7])
		case isa.CmpRI:
			c.sub(c.R[in.R1&7], in.Imm)
		case isa.CmpRM:
			c.sub(c.R[in.R1&7], c.read32(c.ea(in)))
		case isa.CmpMR:
			c.sub(c.read32(c.ea(in)), c.R[in.R1&7])
		case isa.CmpMI:
			c.sub(c.read32(c.ea(in)), in.Imm)
		case isa.TestRR:
			c.and(c.R[in.R1&7], c.R[in.R2&7])
		case isa.TestRI:
			c.and(c.R[in.R1&7], in.Imm)
		case isa.TestRM:
			c.and(c.R[in.R1&7], c.read32(c.ea(in)))
		case isa.TestMR:
			c.and(c.read32(c.ea(in)), c.R[in.R1&7])
		case isa.TestMI:
			c.and(c.read32(c.ea(in)), in.Imm)
		case isa.NotR:
			c.R[in.R1&7] = c.not(c.R[in.R1&7])
		case isa.NotM:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.not(c.ld32(pa)))
		case isa.NegR:
			c.R[in.R1&7] = c.neg(c.R[in.R1&7])
		case isa.NegM:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.neg(c.ld32(pa)))
		case isa.IncR:
			c.R[in.R1&7] = c.inc(c.R[in.R1&7])
		case isa.IncM:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.inc(c.ld32(pa)))
		case isa.DecR:
			c.R[in.R1&7] = c.dec(c.R[in.R1&7])
		case isa.DecM:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.dec(c.ld32(pa)))
		case isa.ShlRI:
			c.R[in.R1&7] = c.shl(c.R[in.R1&7], in.Imm)
		case isa.ShlRC:
			c.R[in.R1&7] = c.shl(c.R[in.R1&7], c.R[isa.ECX])
		case isa.ShlMI:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.shl(c.ld32(pa), in.Imm))
		case isa.ShlMC:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.shl(c.ld32(pa), c.R[isa.ECX]))
		case isa.ShrRI:
			c.R[in.R1&7] = c.shr(c.R[in.R1&7], in.Imm)
		case isa.ShrRC:
			c.R[in.R1&7] = c.shr(c.R[in.R1&7], c.R[isa.ECX])
		case isa.ShrMI:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.shr(c.ld32(pa), in.Imm))
		case isa.ShrMC:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.shr(c.ld32(pa), c.R[isa.ECX]))
		case isa.SarRI:
			c.R[in.R1&7] = c.sar(c.R[in.R1&7], in.Imm)
		case isa.SarRC:
			c.R[in.R1&7] = c.sar(c.R[in.R1&7], c.R[isa.ECX])
		case isa.SarMI:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.sar(c.ld32(pa), in.Imm))
		case isa.SarMC:
			pa := c.rmw32(c.ea(in))
			c.commit32(pa, c.sar(c.ld32(pa), c.R[isa.ECX]))
		case isa.JccBase + isa.CondO:
			if c.OF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondNO:
			if !c.OF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondB:
			if c.CF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondAE:
			if !c.CF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondE:
			if c.ZF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondNE:
			if !c.ZF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondBE:
			if c.CF || c.ZF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondA:
			if !c.CF && !c.ZF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondS:
			if c.SF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondNS:
			if !c.SF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondL:
			if c.SF != c.OF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondGE:
			if c.SF == c.OF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondLE:
			if c.ZF || c.SF != c.OF {
				next += in.Imm
			}
		case isa.JccBase + isa.CondG:
			if !c.ZF && c.SF == c.OF {
				next += in.Imm
			}
		case isa.SetccBase + isa.CondO:
			c.R[in.R1&7] = b2u(c.OF)
		case isa.SetccBase + isa.CondNO:
			c.R[in.R1&7] = b2u(!c.OF)
		case isa.SetccBase + isa.CondB:
			c.R[in.R1&7] = b2u(c.CF)
		case isa.SetccBase + isa.CondAE:
			c.R[in.R1&7] = b2u(!c.CF)
		case isa.SetccBase + isa.CondE:
			c.R[in.R1&7] = b2u(c.ZF)
		case isa.SetccBase + isa.CondNE:
			c.R[in.R1&7] = b2u(!c.ZF)
		case isa.SetccBase + isa.CondBE:
			c.R[in.R1&7] = b2u(c.CF || c.ZF)
		case isa.SetccBase + isa.CondA:
			c.R[in.R1&7] = b2u(!c.CF && !c.ZF)
		case isa.SetccBase + isa.CondS:
			c.R[in.R1&7] = b2u(c.SF)
		case isa.SetccBase + isa.CondNS:
			c.R[in.R1&7] = b2u(!c.SF)
		case isa.SetccBase + isa.CondL:
			c.R[in.R1&7] = b2u(c.SF != c.OF)
		case isa.SetccBase + isa.CondGE:
			c.R[in.R1&7] = b2u(c.SF == c.OF)
		case isa.SetccBase + isa.CondLE:
			c.R[in.R1&7] = b2u(c.ZF || c.SF != c.OF)
		case isa.SetccBase + isa.CondG:
			c.R[in.R1&7] = b2u(!c.ZF && c.SF == c.OF)

		case isa.MulR:
			c.mul(c.R[in.R1&7])
		case isa.MulM:
			c.mul(c.read32(c.ea(in)))
		case isa.ImulR:
			c.imul1(c.R[in.R1&7])
		case isa.ImulM:
			c.imul1(c.read32(c.ea(in)))
		case isa.DivR:
			c.div(c.R[in.R1&7])
		case isa.DivM:
			c.div(c.read32(c.ea(in)))
		case isa.IdivR:
			c.idiv(c.R[in.R1&7])
		case isa.IdivM:
			c.idiv(c.read32(c.ea(in)))
		case isa.ImulRR:
			c.R[in.R1&7] = c.imul2(c.R[in.R1&7], c.R[in.R2&7])
		case isa.ImulRM:
			c.R[in.R1&7] = c.imul2(c.R[in.R1&7], c.read32(c.ea(in)))
		case isa.ImulRRI:
			c.R[in.R1&7] = c.imul2(c.R[in.R2&7], in.Imm)

		case isa.JmpRel:
			next += in.Imm
		case isa.JmpR:
			next = c.R[in.R1&7]
		case isa.JmpM:
			next = c.read32(c.ea(in))
		case isa.CallRel:
			sp := c.R[isa.ESP] - 4
			if !c.wr32(sp, next) {
				c.writeSlow(sp, next, 4)
			}
			c.R[isa.ESP] = sp
			next += in.Imm
		case isa.CallR:
			t := c.R[in.R1&7]
			c.push(next)
			next = t
		case isa.CallM:
			t := c.read32(c.ea(in))
			c.push(next)
			next = t
		case isa.Ret:
			sp := c.R[isa.ESP]
			v, ok := c.rd32(sp)
			if !ok {
				v = c.readSlow(sp, 4)
			}
			next = v
			c.R[isa.ESP] = sp + 4
		case isa.Leave:
			bp := c.R[isa.EBP]
			v, ok := c.rd32(bp)
			if !ok {
				v = c.readSlow(bp, 4)
			}
			c.R[isa.ESP] = bp + 4
			c.R[isa.EBP] = v

		case isa.Int:
			c.deliver(uint8(in.Imm), 0, false, next, TrapSoftware)
			next = c.EIP
		case isa.Iret:
			c.privileged()
			c.iret()
			next = c.EIP
			c.deadline = 0
		case isa.Cli:
			c.privileged()
			c.IF = false
		case isa.Sti:
			c.privileged()
			c.IF = true
			c.deadline = 0
		case isa.Hlt:
			c.privileged()
			c.halted = true
			c.deadline = 0
		case isa.Ud2:
			c.raise(isa.VecInvalid, 0, false)
		case isa.MovRC:
			c.privileged()
			c.R[in.R1&7] = c.getCR(in.R2)
		case isa.MovCR:
			c.privileged()
			c.setCR(in.R1, c.R[in.R2&7])
		case isa.Invlpg:
			c.privileged()
			c.invlpg(c.ea(in))
		case isa.InRI32, isa.InRI16, isa.InRI8, isa.InRD32, isa.InRD16, isa.InRD8:
			c.privileged()
			c.R[in.R1&7] = c.m.in(c.port(in), ioSize(in.Op))
		case isa.OutIR32, isa.OutIR16, isa.OutIR8, isa.OutDR32, isa.OutDR16, isa.OutDR8:
			c.privileged()
			c.m.out(c.port(in), c.R[in.R1&7], ioSize(in.Op))
			c.deadline = 0
		case isa.RepMovsb:
			c.repMovs(1)
		case isa.RepMovsd:
			c.repMovs(4)
		case isa.RepStosb:
			c.repStos(1)
		case isa.RepStosd:
			c.repStos(4)
		default:
			c.raise(isa.VecInvalid, 0, false)
		}
		c.EIP = next
	}
}
