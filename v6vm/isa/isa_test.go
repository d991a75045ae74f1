package isa

import (
	"errors"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/isa.md from the table")

// TestReferenceUpToDate keeps docs/isa.md equal to what the table generates.
func TestReferenceUpToDate(t *testing.T) {
	const path = "../../docs/isa.md"
	want := Reference()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run: go test ./v6vm/isa -update)", err)
	}
	if string(got) != want {
		t.Errorf("%s is out of date with the table; run: go test ./v6vm/isa -update", path)
	}
}

// TestEncodeDecode encodes every row with operands in every register and
// memory position and checks Decode gives back the same fields and length.
func TestEncodeDecode(t *testing.T) {
	for code := range Table {
		op := &Table[code]
		if !op.Valid() {
			if _, err := Decode([]byte{byte(code), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}); !errors.Is(err, ErrInvalid) {
				t.Errorf("opcode 0x%02x is unassigned but decodes (err %v)", code, err)
			}
			continue
		}
		for r := uint8(0); r < 8; r++ {
			in := Inst{Op: Opcode(code), R1: r, R2: 7 - r, Base: r, Index: NoReg - r%2*(8-r), Scale: r % 4, Disp: uint32(r) * 0x01010101, Imm: 0xDEADBEEF}
			slot := 0
			for _, a := range op.Args {
				if a.IsReg() {
					if a == CR {
						if slot == 0 && CRNames[in.R1] == "" {
							in.R1 = CR3
						} else if slot == 1 && CRNames[in.R2] == "" {
							in.R2 = CR3
						}
					}
					slot++
				}
				switch a {
				case I16:
					in.Imm &= 0xFFFF
				case I8:
					in.Imm &= 0xFF
				}
			}
			hasMem := false
			for _, a := range op.Args {
				hasMem = hasMem || a.IsMem()
			}
			if !hasMem {
				in.Base, in.Index, in.Scale, in.Disp = NoReg, NoReg, 0, 0
			}
			nreg := 0
			for _, a := range op.Args {
				if a.IsReg() {
					nreg++
				}
			}
			if nreg < 2 {
				in.R2 = 0
			}
			if nreg < 1 {
				in.R1 = 0
			}
			imm := false
			for _, a := range op.Args {
				imm = imm || a.IsImm()
			}
			if !imm {
				in.Imm = 0
			}
			b := Append(nil, in)
			if len(b) != op.Len() {
				t.Fatalf("%s: encoded %d bytes, table says %d", op.Name, len(b), op.Len())
			}
			got, err := Decode(b)
			if err != nil {
				t.Fatalf("%s % x: %v", op.Name, b, err)
			}
			in.Len = uint8(len(b))
			if got != in {
				t.Fatalf("%s: decode(encode(%+v)) = %+v", op.Name, in, got)
			}
			if _, err := Decode(b[:len(b)-1]); len(b) > 1 && !errors.Is(err, ErrTruncated) {
				t.Errorf("%s: decoding a truncated encoding gave %v", op.Name, err)
			}
		}
	}
}

func TestBadOperandBytes(t *testing.T) {
	cases := [][]byte{
		{byte(MovRR), 8, 0},                   // register 8
		{byte(MovRM), 0, 0x09, 0, 0, 0, 0, 0}, // base 9
		{byte(MovRM), 0, 0x00, 4, 0, 0, 0, 0}, // scale 4
		{byte(MovCR), 1, 0},                   // cr1 does not exist
	}
	for _, b := range cases {
		if _, err := Decode(b); !errors.Is(err, ErrInvalid) {
			t.Errorf("Decode(% x) = %v, want ErrInvalid", b, err)
		}
	}
}

func TestFormat(t *testing.T) {
	cases := []struct {
		in   Inst
		want string
	}{
		{Inst{Op: MovRM, R1: EAX, Base: EBP, Index: NoReg, Disp: 8}, "mov eax, [ebp+8]"},
		{Inst{Op: MovMR, R1: ECX, Base: EBP, Index: NoReg, Disp: 0xFFFFFFF8}, "mov [ebp-8], ecx"},
		{Inst{Op: MovMI, Base: EBX, Index: ESI, Scale: 2, Imm: 5}, "mov dword [ebx+esi*4], 5"},
		{Inst{Op: MovzxRM8, R1: EAX, Base: NoReg, Index: NoReg, Disp: 0x1234}, "movzx eax, byte [0x1234]"},
		{Inst{Op: OutDR8, R1: EAX}, "out dx, al"},
		{Inst{Op: MovCR, R1: CR3, R2: EAX}, "mov cr3, eax"},
		{Inst{Op: AddRI, R1: ESP, Imm: 0xFFFFFFF4}, "add esp, -12"},
		{Inst{Op: JccBase + CondNE, Len: 5, Imm: 0xFFFFFFFB}, "jne 0x100"},
		{Inst{Op: RepMovsb}, "rep movsb"},
		{Inst{Op: ShlRC, R1: EDX}, "shl edx, cl"},
		{Inst{Op: MovRM, R1: EAX, Base: NoReg, Index: ECX, Disp: 4}, "mov eax, [ecx*1+4]"},
	}
	for _, c := range cases {
		if got := c.in.Format(0x100, nil); got != c.want {
			t.Errorf("Format = %q, want %q", got, c.want)
		}
	}
}
