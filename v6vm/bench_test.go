package v6vm

import (
	"testing"

	"v6vm/v6vm/isa"
)

// The benchmarks run user-mode loops with paging on and the timer
// interrupting every 10,000 instructions into a kernel handler (EOI, iret),
// and report VM instructions per second. BenchmarkMinimalLoop is the
// practical ceiling: a bare switch-dispatch loop over eight registers with
// no MMU and no devices, to compare against in the same run.

const (
	benchPD      = 0x10000
	benchPT      = 0x11000
	benchIDT     = 0x12000
	benchHandler = 0x3000
	benchUser    = 0x1000
	benchData    = 0x5000
	benchKStack  = 0x20000
	benchUStack  = 0x30000
)

// userMachine builds a machine running text in user mode at benchUser: the
// first 4 MiB identity-mapped for user access, a timer handler that sends
// EOI and returns, the timer running.
func userMachine(tb testing.TB, text []byte) *Machine {
	tb.Helper()
	m := New(Config{})
	mem := m.Memory()
	le.PutUint32(mem[benchPD:], benchPT|isa.PTEPresent|isa.PTEWritable|isa.PTEUser)
	for i := uint32(0); i < 1024; i++ {
		le.PutUint32(mem[benchPT+i*4:], i<<pageShift|isa.PTEPresent|isa.PTEWritable|isa.PTEUser)
	}
	le.PutUint32(mem[benchIDT+0x20*8:], benchHandler)
	le.PutUint32(mem[benchIDT+0x20*8+4:], isa.GatePresent)
	copy(mem[benchHandler:], code(
		isa.Inst{Op: isa.OutIR8, Imm: PortPICEOI, R1: isa.EAX},
		isa.Inst{Op: isa.Iret},
	))
	copy(mem[benchUser:], text)
	m.CR3, m.CR0, m.IDTR, m.ESP0 = benchPD, cr0PG, benchIDT, benchKStack
	m.flushTLB(false)
	m.setMode(true)
	m.IF = true
	m.EIP = benchUser
	m.R[isa.ESP] = benchUStack
	m.R[isa.ESI] = benchData
	m.timer.program(0, 10000)
	return m
}

func runBench(b *testing.B, text []byte) {
	m := userMachine(b, text)
	m.cfg.MaxInstructions = uint64(b.N)
	b.ResetTimer()
	_, err := m.Run()
	b.StopTimer()
	if err != ErrLimit {
		b.Fatalf("run stopped early: %v (%s)", err, m.Status())
	}
	if m.Ticks() == 0 && b.N > 20000 {
		b.Fatalf("the timer never fired")
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds()/1e6, "MIPS")
}

// BenchmarkALULoop: register arithmetic and a conditional branch.
func BenchmarkALULoop(b *testing.B) {
	loop := code(
		isa.Inst{Op: isa.AddRR, R1: isa.EAX, R2: isa.EBX},
		isa.Inst{Op: isa.XorRR, R1: isa.EDX, R2: isa.EAX},
		isa.Inst{Op: isa.SubRI, R1: isa.ECX, Imm: 1},
	)
	jne := isa.Inst{Op: isa.JccBase + isa.CondNE, Imm: uint32(-(len(loop) + 5))}
	runBench(b, append(loop, code(jne)...))
}

// BenchmarkCallLoop: calls, pushes and pops, loads and stores.
func BenchmarkCallLoop(b *testing.B) {
	fn := code( // f: push ebp; mov ebp, esp; mov eax, [ebp+8]; add eax, 1; leave; ret
		isa.Inst{Op: isa.PushR, R1: isa.EBP},
		isa.Inst{Op: isa.MovRR, R1: isa.EBP, R2: isa.ESP},
		isa.Inst{Op: isa.MovRM, R1: isa.EAX, Base: isa.EBP, Index: isa.NoReg, Disp: 8},
		isa.Inst{Op: isa.AddRI, R1: isa.EAX, Imm: 1},
		isa.Inst{Op: isa.Leave},
		isa.Inst{Op: isa.Ret},
	)
	body := code(
		isa.Inst{Op: isa.PushR, R1: isa.EAX},
		isa.Inst{Op: isa.CallRel}, // patched below
		isa.Inst{Op: isa.PopR, R1: isa.EBX},
		isa.Inst{Op: isa.MovMR, R1: isa.EAX, Base: isa.ESI, Index: isa.NoReg, Disp: 4},
		isa.Inst{Op: isa.MovRM, R1: isa.EDX, Base: isa.ESI, Index: isa.NoReg, Disp: 4},
	)
	jmp := isa.Inst{Op: isa.JmpRel, Imm: uint32(-(len(body) + 5))}
	text := append(body, code(jmp)...)
	callAt := len(code(isa.Inst{Op: isa.PushR}))
	callEnd := callAt + 5
	rel := uint32(len(text) - callEnd)
	copy(text[callAt:], code(isa.Inst{Op: isa.CallRel, Imm: rel}))
	runBench(b, append(text, fn...))
}

// BenchmarkMinimalLoop is the ceiling: the same ALU loop as BenchmarkALULoop
// on the smallest interpreter of its kind that Go allows: decoded
// instructions fetched from a slice, a dense switch on our opcode numbers
// (compiled to a jump table, as ours is), eight registers, no flags, no MMU,
// no devices, no virtual time.
func BenchmarkMinimalLoop(b *testing.B) {
	type inst struct {
		op     isa.Opcode
		a, b   uint8
		imm    uint32
		target int
	}
	prog := []inst{
		{op: isa.AddRR, a: 0, b: 3},
		{op: isa.XorRR, a: 2, b: 0},
		{op: isa.SubRI, a: 1, imm: 1},
		{op: isa.JccBase + isa.CondNE, a: 1, target: 0},
	}
	var r [8]uint32
	pc := 0
	b.ResetTimer()
	for n := b.N; n > 0; n-- {
		in := &prog[pc]
		pc++
		switch in.op {
		case isa.MovRR:
			r[in.a&7] = r[in.b&7]
		case isa.MovRI:
			r[in.a&7] = in.imm
		case isa.AddRR:
			r[in.a&7] += r[in.b&7]
		case isa.AddRI:
			r[in.a&7] += in.imm
		case isa.SubRR:
			r[in.a&7] -= r[in.b&7]
		case isa.SubRI:
			r[in.a&7] -= in.imm
		case isa.AndRR:
			r[in.a&7] &= r[in.b&7]
		case isa.OrRR:
			r[in.a&7] |= r[in.b&7]
		case isa.XorRR:
			r[in.a&7] ^= r[in.b&7]
		case isa.ShlRI:
			r[in.a&7] <<= in.imm & 31
		case isa.ShrRI:
			r[in.a&7] >>= in.imm & 31
		case isa.IncR:
			r[in.a&7]++
		case isa.DecR:
			r[in.a&7]--
		case isa.NegR:
			r[in.a&7] = -r[in.a&7]
		case isa.NotR:
			r[in.a&7] = ^r[in.a&7]
		case isa.JmpRel:
			pc = in.target
		case isa.JccBase + isa.CondE:
			if r[in.a&7] == 0 {
				pc = in.target
			}
		case isa.JccBase + isa.CondNE:
			if r[in.a&7] != 0 {
				pc = in.target
			}
		}
	}
	b.StopTimer()
	if r[0] == 1 {
		b.Log(r)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds()/1e6, "MIPS")
}
