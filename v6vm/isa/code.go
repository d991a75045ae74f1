package isa

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// Inst is a decoded instruction. Register-like operands (R32/R16/R8/CR) fill
// R1 then R2 in operand order; a memory operand fills Base, Index, Scale and
// Disp; an immediate or rel32 operand fills Imm.
type Inst struct {
	Op          Opcode
	Len         uint8
	R1, R2      uint8
	Base, Index uint8 // register numbers, NoReg for none
	Scale       uint8 // index is shifted left by Scale
	Disp        uint32
	Imm         uint32
}

// Decoding errors.
var (
	ErrTruncated = errors.New("truncated instruction")
	ErrInvalid   = errors.New("invalid instruction")
)

// Decode decodes the instruction at the start of b. It fails with
// ErrTruncated if b ends inside the instruction (the caller may fetch more)
// and ErrInvalid for an unassigned opcode or an out-of-range operand byte.
func Decode(b []byte) (Inst, error) {
	var in Inst
	if len(b) == 0 {
		return in, ErrTruncated
	}
	op := &Table[b[0]]
	if !op.Valid() {
		return in, ErrInvalid
	}
	in.Op = Opcode(b[0])
	in.Base, in.Index = NoReg, NoReg
	n := op.Len()
	if len(b) < n {
		return in, ErrTruncated
	}
	in.Len = uint8(n)
	p := 1
	nreg := 0
	for _, a := range op.Args {
		switch {
		case a.IsReg():
			r := b[p]
			if r > 7 || a == CR && CRNames[r] == "" {
				return in, ErrInvalid
			}
			if nreg == 0 {
				in.R1 = r
			} else {
				in.R2 = r
			}
			nreg++
		case a.IsMem():
			base, index, scale := b[p]&0xF, b[p]>>4, b[p+1]
			if base > NoReg || index > NoReg || scale > 3 {
				return in, ErrInvalid
			}
			in.Base, in.Index, in.Scale = base, index, scale
			in.Disp = binary.LittleEndian.Uint32(b[p+2:])
		case a == I32 || a == Rel:
			in.Imm = binary.LittleEndian.Uint32(b[p:])
		case a == I16:
			in.Imm = uint32(binary.LittleEndian.Uint16(b[p:]))
		case a == I8:
			in.Imm = uint32(b[p])
		}
		p += a.Size()
	}
	return in, nil
}

// Append appends the encoding of in to dst. in.Op must be a valid opcode and
// its fields in range; Len is ignored.
func Append(dst []byte, in Inst) []byte {
	op := &Table[in.Op]
	dst = append(dst, byte(in.Op))
	nreg := 0
	for _, a := range op.Args {
		switch {
		case a.IsReg():
			r := in.R1
			if nreg > 0 {
				r = in.R2
			}
			nreg++
			dst = append(dst, r)
		case a.IsMem():
			dst = append(dst, in.Base|in.Index<<4, in.Scale)
			dst = binary.LittleEndian.AppendUint32(dst, in.Disp)
		case a == I32 || a == Rel:
			dst = binary.LittleEndian.AppendUint32(dst, in.Imm)
		case a == I16:
			dst = binary.LittleEndian.AppendUint16(dst, uint16(in.Imm))
		case a == I8:
			dst = append(dst, byte(in.Imm))
		}
	}
	return dst
}

// Target is the destination of a rel32 operand of an instruction at pc.
func (in *Inst) Target(pc uint32) uint32 { return pc + uint32(in.Len) + in.Imm }

// Symbolizer names an address ("NewProc", "u+0x10"); it returns "" when it
// knows no name, and the address is then printed in hex.
type Symbolizer func(addr uint32) string

// Format prints the instruction in the assembler's syntax. pc is its address
// (for rel32 targets); sym, which may be nil, names addresses.
func (in *Inst) Format(pc uint32, sym Symbolizer) string {
	op := &Table[in.Op]
	if !op.Valid() {
		return fmt.Sprintf("(bad 0x%02x)", byte(in.Op))
	}
	var sb strings.Builder
	sb.WriteString(op.Name)
	hasReg := false
	for _, a := range op.Args {
		if a == R32 || a == R16 || a == R8 {
			hasReg = true
		}
	}
	nreg := 0
	for i, a := range op.Args {
		if i == 0 {
			sb.WriteByte(' ')
		} else {
			sb.WriteString(", ")
		}
		switch {
		case a.IsReg():
			r := in.R1
			if nreg > 0 {
				r = in.R2
			}
			nreg++
			sb.WriteString(RegName(a, r))
		case a.IsMem():
			switch {
			case a == M8:
				sb.WriteString("byte ")
			case a == M16:
				sb.WriteString("word ")
			case a == M32 && !hasReg:
				sb.WriteString("dword ")
			}
			sb.WriteString(FormatMem(in.Base, in.Index, in.Scale, in.Disp, sym))
		case a == Rel:
			sb.WriteString(formatAddr(in.Target(pc), sym))
		case a == I32:
			if sym != nil && (in.Op == MovRI || in.Op == PushI || in.Op == MovMI) {
				if s := sym(in.Imm); s != "" {
					sb.WriteString(s)
					break
				}
			}
			sb.WriteString(formatImm(in.Imm))
		case a == I16 && (op.Name == "in" || op.Name == "out"):
			fmt.Fprintf(&sb, "0x%x", in.Imm) // ports are written in hex
		case a == I16 || a == I8:
			sb.WriteString(formatImm(in.Imm))
		case a == DX:
			sb.WriteString("dx")
		case a == CL:
			sb.WriteString("cl")
		}
	}
	return sb.String()
}

// RegName names register r as an operand of kind a.
func RegName(a Arg, r uint8) string {
	switch a {
	case R32:
		return RegNames32[r&7]
	case R16:
		return RegNames16[r&7]
	case R8:
		return RegNames8[r&7]
	case CR:
		return CRNames[r&7]
	}
	return "?"
}

// FormatMem prints a memory operand: [base+index*scale+disp].
func FormatMem(base, index, scale uint8, disp uint32, sym Symbolizer) string {
	var sb strings.Builder
	sb.WriteByte('[')
	parts := 0
	if base != NoReg {
		sb.WriteString(RegNames32[base&7])
		parts++
	}
	if index != NoReg {
		if parts > 0 {
			sb.WriteByte('+')
		}
		sb.WriteString(RegNames32[index&7])
		// An index without a base keeps its *1, or [ecx] would read back
		// as a base register: same address, different encoding.
		if scale > 0 || base == NoReg {
			fmt.Fprintf(&sb, "*%d", 1<<scale)
		}
		parts++
	}
	switch {
	case parts == 0:
		sb.WriteString(formatAddr(disp, sym))
	case disp == 0:
	case int32(disp) < 0 && int32(disp) > -0x10000:
		fmt.Fprintf(&sb, "-%d", -int32(disp))
	default:
		if s := symName(disp, sym); s != "" {
			sb.WriteString("+" + s)
		} else {
			sb.WriteString("+" + formatImm(disp))
		}
	}
	sb.WriteByte(']')
	return sb.String()
}

func symName(addr uint32, sym Symbolizer) string {
	if sym == nil || addr < 0x1000 {
		return ""
	}
	return sym(addr)
}

func formatAddr(addr uint32, sym Symbolizer) string {
	if sym != nil {
		if s := sym(addr); s != "" {
			return s
		}
	}
	return fmt.Sprintf("0x%x", addr)
}

// formatImm prints small values in decimal (negative ones as such) and large
// ones in hex, which is how people write them.
func formatImm(v uint32) string {
	if int32(v) >= -4096 && int32(v) <= 4096 {
		return fmt.Sprint(int32(v))
	}
	return fmt.Sprintf("0x%x", v)
}
