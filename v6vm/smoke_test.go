package v6vm

import (
	"bytes"
	"testing"

	"v6vm/v6vm/exe"
	"v6vm/v6vm/isa"
)

// code encodes instructions for tests that must not depend on the assembler.
func code(ins ...isa.Inst) []byte {
	var b []byte
	for _, in := range ins {
		if in.Base == 0 && in.Index == 0 && !hasMem(in.Op) {
			in.Base, in.Index = isa.NoReg, isa.NoReg
		}
		b = isa.Append(b, in)
	}
	return b
}

func hasMem(op isa.Opcode) bool {
	for _, a := range isa.Table[op].Args {
		if a.IsMem() {
			return true
		}
	}
	return false
}

func bare(text []byte) *exe.File {
	return &exe.File{Entry: 0x1000, TextAddr: 0x1000, LoadAddr: 0x1000, DataAddr: 0x100000, Text: text}
}

func TestSmokePowerOff(t *testing.T) {
	var out bytes.Buffer
	m := New(Config{Console: &out})
	prog := code(
		isa.Inst{Op: isa.MovRI, R1: isa.EAX, Imm: 'h'},
		isa.Inst{Op: isa.OutIR8, Imm: PortConData, R1: isa.EAX},
		isa.Inst{Op: isa.MovRI, R1: isa.EAX, Imm: 5},
		isa.Inst{Op: isa.AddRI, R1: isa.EAX, Imm: 3},
		isa.Inst{Op: isa.OutIR32, Imm: PortPower, R1: isa.EAX},
	)
	if err := m.Load(bare(prog)); err != nil {
		t.Fatal(err)
	}
	status, err := m.Run()
	if err != nil || status != 8 || out.String() != "h" {
		t.Fatalf("Run = %d, %v, output %q; want 8, nil, \"h\"", status, err, out.String())
	}
}

// TestConsoleInputEnds: typed bytes arrive while the CPU idles; after
// CloseInput and the last byte taken, status bit 1 reports the end.
func TestConsoleInputEnds(t *testing.T) {
	m := New(Config{MaxInstructions: 100000})
	// A vector table at 0x8000 whose console gate (0x21) leads to a
	// handler at 0x9000 that only sends EOI and returns.
	mem := m.Memory()
	le.PutUint32(mem[0x8000+0x21*8:], 0x9000)
	le.PutUint32(mem[0x8000+0x21*8+4:], isa.GatePresent)
	copy(mem[0x9000:], code(isa.Inst{Op: isa.OutIR8, Imm: PortPICEOI}, isa.Inst{Op: isa.Iret}))
	prog := code(
		isa.Inst{Op: isa.MovRI, R1: isa.EAX, Imm: 0x8000},
		isa.Inst{Op: isa.MovCR, R1: isa.IDTR, R2: isa.EAX},
		isa.Inst{Op: isa.MovRI, R1: isa.ESP, Imm: 0x7000},
		isa.Inst{Op: isa.MovRI, R1: isa.EAX, Imm: 1},
		isa.Inst{Op: isa.OutIR32, Imm: PortConCtl, R1: isa.EAX},
		isa.Inst{Op: isa.MovRI, R1: isa.EBX, Imm: 0},
		isa.Inst{Op: isa.Sti},
		isa.Inst{Op: isa.InRI32, R1: isa.EAX, Imm: PortConStat}, // 7: loop
		isa.Inst{Op: isa.TestRI, R1: isa.EAX, Imm: 2},
		isa.Inst{Op: isa.JccBase + isa.CondNE}, // 9: -> done
		isa.Inst{Op: isa.TestRI, R1: isa.EAX, Imm: 1},
		isa.Inst{Op: isa.JccBase + isa.CondE}, // 11: -> wait
		isa.Inst{Op: isa.InRI8, R1: isa.EAX, Imm: PortConData},
		isa.Inst{Op: isa.AddRI, R1: isa.EBX, Imm: 1},
		isa.Inst{Op: isa.JmpRel},                               // 14: -> loop
		isa.Inst{Op: isa.Hlt},                                  // 15: wait
		isa.Inst{Op: isa.JmpRel},                               // 16: -> loop
		isa.Inst{Op: isa.OutIR32, Imm: PortPower, R1: isa.EBX}, // 17: done
	)
	var offs []int
	for off := 0; off < len(prog); {
		in, err := isa.Decode(prog[off:])
		if err != nil {
			t.Fatal(err)
		}
		offs = append(offs, off)
		off += int(in.Len)
	}
	patch := func(i, target int) {
		in, _ := isa.Decode(prog[offs[i]:])
		in.Imm = uint32(offs[target] - (offs[i] + int(in.Len)))
		copy(prog[offs[i]:], isa.Append(nil, in))
	}
	patch(9, 17)
	patch(11, 15)
	patch(14, 7)
	patch(16, 7)
	if err := m.Load(bare(prog)); err != nil {
		t.Fatal(err)
	}
	m.Type([]byte("abc"))
	m.CloseInput()
	status, err := m.Run()
	if err != nil || status != 3 {
		t.Fatalf("Run = %d, %v; want 3 bytes read, then the end of input", status, err)
	}
}
