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
