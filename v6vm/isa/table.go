package isa

// Opcode is the first byte of an instruction and the index of its row in Table.
type Opcode uint8

// The opcodes. Suffixes name the operand forms: R register, I immediate,
// M memory, C control register; 8/16 mark narrow memory operands. The values
// are the encoding: append new instructions at the end of a group's free
// space, never renumber (that would change every assembled program).
const (
	Invalid Opcode = 0x00 // never assigned: zeroed memory is not code

	// Data movement.
	MovRR     Opcode = 0x01
	MovRI     Opcode = 0x02
	MovRM     Opcode = 0x03
	MovMR     Opcode = 0x04
	MovMI     Opcode = 0x05
	MovM16R   Opcode = 0x06
	MovM16I   Opcode = 0x07
	MovM8R    Opcode = 0x08
	MovM8I    Opcode = 0x09
	MovzxRM8  Opcode = 0x0A
	MovzxRM16 Opcode = 0x0B
	MovsxRM8  Opcode = 0x0C
	MovsxRM16 Opcode = 0x0D
	MovzxRR8  Opcode = 0x0E
	MovzxRR16 Opcode = 0x0F
	MovsxRR8  Opcode = 0x10
	MovsxRR16 Opcode = 0x11
	Lea       Opcode = 0x12
	PushR     Opcode = 0x13
	PushI     Opcode = 0x14
	PushM     Opcode = 0x15
	PopR      Opcode = 0x16
	PopM      Opcode = 0x17
	Pushf     Opcode = 0x18
	Popf      Opcode = 0x19
	XchgRR    Opcode = 0x1A
	Cdq       Opcode = 0x1B
	Nop       Opcode = 0x1C

	// Two-operand arithmetic and logic: five forms each, in the order
	// RR, RI, RM, MR, MI, starting at the group's base.
	AddRR  Opcode = 0x20
	AddRI  Opcode = 0x21
	AddRM  Opcode = 0x22
	AddMR  Opcode = 0x23
	AddMI  Opcode = 0x24
	OrRR   Opcode = 0x25
	OrRI   Opcode = 0x26
	OrRM   Opcode = 0x27
	OrMR   Opcode = 0x28
	OrMI   Opcode = 0x29
	AdcRR  Opcode = 0x2A
	AdcRI  Opcode = 0x2B
	AdcRM  Opcode = 0x2C
	AdcMR  Opcode = 0x2D
	AdcMI  Opcode = 0x2E
	SbbRR  Opcode = 0x2F
	SbbRI  Opcode = 0x30
	SbbRM  Opcode = 0x31
	SbbMR  Opcode = 0x32
	SbbMI  Opcode = 0x33
	AndRR  Opcode = 0x34
	AndRI  Opcode = 0x35
	AndRM  Opcode = 0x36
	AndMR  Opcode = 0x37
	AndMI  Opcode = 0x38
	SubRR  Opcode = 0x39
	SubRI  Opcode = 0x3A
	SubRM  Opcode = 0x3B
	SubMR  Opcode = 0x3C
	SubMI  Opcode = 0x3D
	XorRR  Opcode = 0x3E
	XorRI  Opcode = 0x3F
	XorRM  Opcode = 0x40
	XorMR  Opcode = 0x41
	XorMI  Opcode = 0x42
	CmpRR  Opcode = 0x43
	CmpRI  Opcode = 0x44
	CmpRM  Opcode = 0x45
	CmpMR  Opcode = 0x46
	CmpMI  Opcode = 0x47
	TestRR Opcode = 0x48
	TestRI Opcode = 0x49
	TestRM Opcode = 0x4A
	TestMR Opcode = 0x4B
	TestMI Opcode = 0x4C

	// One-operand arithmetic.
	NotR Opcode = 0x50
	NotM Opcode = 0x51
	NegR Opcode = 0x52
	NegM Opcode = 0x53
	IncR Opcode = 0x54
	IncM Opcode = 0x55
	DecR Opcode = 0x56
	DecM Opcode = 0x57

	// Shifts: count from an immediate or CL, masked to 5 bits as on x86.
	ShlRI Opcode = 0x58
	ShlRC Opcode = 0x59
	ShlMI Opcode = 0x5A
	ShlMC Opcode = 0x5B
	ShrRI Opcode = 0x5C
	ShrRC Opcode = 0x5D
	ShrMI Opcode = 0x5E
	ShrMC Opcode = 0x5F
	SarRI Opcode = 0x60
	SarRC Opcode = 0x61
	SarMI Opcode = 0x62
	SarMC Opcode = 0x63

	// Multiply and divide.
	MulR    Opcode = 0x64
	MulM    Opcode = 0x65
	ImulR   Opcode = 0x66
	ImulM   Opcode = 0x67
	DivR    Opcode = 0x68
	DivM    Opcode = 0x69
	IdivR   Opcode = 0x6A
	IdivM   Opcode = 0x6B
	ImulRR  Opcode = 0x6C
	ImulRM  Opcode = 0x6D
	ImulRRI Opcode = 0x6E

	// Control transfer.
	JmpRel  Opcode = 0x70
	JmpR    Opcode = 0x71
	JmpM    Opcode = 0x72
	CallRel Opcode = 0x73
	CallR   Opcode = 0x74
	CallM   Opcode = 0x75
	Ret     Opcode = 0x76
	Leave   Opcode = 0x77

	// Conditional jumps and sets: JccBase+cc and SetccBase+cc, cc from Conds.
	JccBase   Opcode = 0x80
	SetccBase Opcode = 0x90

	// System.
	Int      Opcode = 0xA0
	Iret     Opcode = 0xA1
	Cli      Opcode = 0xA2
	Sti      Opcode = 0xA3
	Hlt      Opcode = 0xA4
	Ud2      Opcode = 0xA5
	MovRC    Opcode = 0xA6
	MovCR    Opcode = 0xA7
	Invlpg   Opcode = 0xA8
	InRI32   Opcode = 0xA9
	InRI16   Opcode = 0xAA
	InRI8    Opcode = 0xAB
	InRD32   Opcode = 0xAC
	InRD16   Opcode = 0xAD
	InRD8    Opcode = 0xAE
	OutIR32  Opcode = 0xAF
	OutIR16  Opcode = 0xB0
	OutIR8   Opcode = 0xB1
	OutDR32  Opcode = 0xB2
	OutDR16  Opcode = 0xB3
	OutDR8   Opcode = 0xB4
	RepMovsb Opcode = 0xB5
	RepMovsd Opcode = 0xB6
	RepStosb Opcode = 0xB7
	RepStosd Opcode = 0xB8
)

// Condition codes, numbered as x86 numbers them (parity, 10 and 11, is absent).
const (
	CondO  = 0x0
	CondNO = 0x1
	CondB  = 0x2
	CondAE = 0x3
	CondE  = 0x4
	CondNE = 0x5
	CondBE = 0x6
	CondA  = 0x7
	CondS  = 0x8
	CondNS = 0x9
	CondL  = 0xC
	CondGE = 0xD
	CondLE = 0xE
	CondG  = 0xF
)

// Conds names the condition codes and says when each holds.
var Conds = [16]struct{ Name, Test string }{
	CondO:  {"o", "OF"},
	CondNO: {"no", "!OF"},
	CondB:  {"b", "CF (unsigned <)"},
	CondAE: {"ae", "!CF (unsigned >=)"},
	CondE:  {"e", "ZF (==)"},
	CondNE: {"ne", "!ZF (!=)"},
	CondBE: {"be", "CF || ZF (unsigned <=)"},
	CondA:  {"a", "!CF && !ZF (unsigned >)"},
	CondS:  {"s", "SF"},
	CondNS: {"ns", "!SF"},
	CondL:  {"l", "SF != OF (signed <)"},
	CondGE: {"ge", "SF == OF (signed >=)"},
	CondLE: {"le", "ZF || SF != OF (signed <=)"},
	CondG:  {"g", "!ZF && SF == OF (signed >)"},
}

// CondAliases are the other x86 spellings the assembler accepts.
var CondAliases = map[string]int{
	"c": CondB, "nae": CondB, "nb": CondAE, "nc": CondAE, "z": CondE, "nz": CondNE,
	"na": CondBE, "nbe": CondA, "nge": CondL, "nl": CondGE, "ng": CondLE, "nle": CondG,
}

// Table holds every instruction, indexed by opcode. Rows with an empty Name
// are unassigned and decode as #UD.
var Table [256]Op

func init() {
	rows := map[Opcode]Op{
		MovRR:     {"mov", args(R32, R32), false, "", "dst = src"},
		MovRI:     {"mov", args(R32, I32), false, "", "dst = imm"},
		MovRM:     {"mov", args(R32, M32), false, "", "dst = [m]"},
		MovMR:     {"mov", args(M32, R32), false, "", "[m] = src"},
		MovMI:     {"mov", args(M32, I32), false, "", "[m] = imm"},
		MovM16R:   {"mov", args(M16, R16), false, "", "16-bit [m] = low 16 bits of src"},
		MovM16I:   {"mov", args(M16, I16), false, "", "16-bit [m] = imm"},
		MovM8R:    {"mov", args(M8, R8), false, "", "8-bit [m] = low 8 bits of src"},
		MovM8I:    {"mov", args(M8, I8), false, "", "8-bit [m] = imm"},
		MovzxRM8:  {"movzx", args(R32, M8), false, "", "dst = zero-extended 8-bit [m]"},
		MovzxRM16: {"movzx", args(R32, M16), false, "", "dst = zero-extended 16-bit [m]"},
		MovsxRM8:  {"movsx", args(R32, M8), false, "", "dst = sign-extended 8-bit [m]"},
		MovsxRM16: {"movsx", args(R32, M16), false, "", "dst = sign-extended 16-bit [m]"},
		MovzxRR8:  {"movzx", args(R32, R8), false, "", "dst = zero-extended low 8 bits of src"},
		MovzxRR16: {"movzx", args(R32, R16), false, "", "dst = zero-extended low 16 bits of src"},
		MovsxRR8:  {"movsx", args(R32, R8), false, "", "dst = sign-extended low 8 bits of src"},
		MovsxRR16: {"movsx", args(R32, R16), false, "", "dst = sign-extended low 16 bits of src"},
		Lea:       {"lea", args(R32, M), false, "", "dst = address of m (no memory access)"},
		PushR:     {"push", args(R32), false, "", "esp -= 4; [esp] = src (push esp pushes the old value)"},
		PushI:     {"push", args(I32), false, "", "esp -= 4; [esp] = imm"},
		PushM:     {"push", args(M32), false, "", "esp -= 4; [esp] = [m] ([m] read first)"},
		PopR:      {"pop", args(R32), false, "", "dst = [esp]; esp += 4 (pop esp loads esp)"},
		PopM:      {"pop", args(M32), false, "", "[m] = [esp]; esp += 4 (m computed with the new esp, as x86)"},
		Pushf:     {"pushf", nil, false, "", "esp -= 4; [esp] = EFLAGS"},
		Popf:      {"popf", nil, false, "CZSO", "EFLAGS = [esp]; esp += 4 (IF only in kernel mode; UM never)"},
		XchgRR:    {"xchg", args(R32, R32), false, "", "swap dst and src"},
		Cdq:       {"cdq", nil, false, "", "edx = sign of eax (0 or 0xFFFFFFFF)"},
		Nop:       {"nop", nil, false, "", "nothing"},

		NotR: {"not", args(R32), false, "", "dst = ^dst"},
		NotM: {"not", args(M32), false, "", "[m] = ^[m]"},
		NegR: {"neg", args(R32), false, "CZSO", "dst = -dst; CF = dst != 0; OF = dst == 0x80000000"},
		NegM: {"neg", args(M32), false, "CZSO", "[m] = -[m]; flags as neg r32"},
		IncR: {"inc", args(R32), false, "ZSO", "dst += 1; CF unchanged"},
		IncM: {"inc", args(M32), false, "ZSO", "[m] += 1; CF unchanged"},
		DecR: {"dec", args(R32), false, "ZSO", "dst -= 1; CF unchanged"},
		DecM: {"dec", args(M32), false, "ZSO", "[m] -= 1; CF unchanged"},

		MulR:    {"mul", args(R32), false, "CZSO", "edx:eax = eax * src (unsigned); CF = OF = edx != 0; ZF, SF from eax"},
		MulM:    {"mul", args(M32), false, "CZSO", "edx:eax = eax * [m] (unsigned); flags as mul r32"},
		ImulR:   {"imul", args(R32), false, "CZSO", "edx:eax = eax * src (signed); CF = OF = result does not fit eax; ZF, SF from eax"},
		ImulM:   {"imul", args(M32), false, "CZSO", "edx:eax = eax * [m] (signed); flags as imul r32"},
		DivR:    {"div", args(R32), false, "", "eax, edx = edx:eax / src, edx:eax % src (unsigned); #DE if src == 0 or the quotient exceeds 32 bits"},
		DivM:    {"div", args(M32), false, "", "as div r32 with [m]"},
		IdivR:   {"idiv", args(R32), false, "", "eax, edx = edx:eax / src, edx:eax % src (signed, truncating); #DE if src == 0 or the quotient overflows"},
		IdivM:   {"idiv", args(M32), false, "", "as idiv r32 with [m]"},
		ImulRR:  {"imul", args(R32, R32), false, "CZSO", "dst = low 32 bits of dst * src; CF = OF = signed overflow"},
		ImulRM:  {"imul", args(R32, M32), false, "CZSO", "dst = low 32 bits of dst * [m]; CF = OF = signed overflow"},
		ImulRRI: {"imul", args(R32, R32, I32), false, "CZSO", "dst = low 32 bits of src * imm; CF = OF = signed overflow"},

		JmpRel:  {"jmp", args(Rel), false, "", "eip = target"},
		JmpR:    {"jmp", args(R32), false, "", "eip = src"},
		JmpM:    {"jmp", args(M32), false, "", "eip = [m]"},
		CallRel: {"call", args(Rel), false, "", "push next eip; eip = target"},
		CallR:   {"call", args(R32), false, "", "push next eip; eip = src"},
		CallM:   {"call", args(M32), false, "", "t = [m]; push next eip; eip = t"},
		Ret:     {"ret", nil, false, "", "eip = [esp]; esp += 4"},
		Leave:   {"leave", nil, false, "", "esp = ebp; ebp = [esp]; esp += 4"},

		Int:      {"int", args(I8), false, "", "software interrupt through gate n (from user mode only to gates marked user)"},
		Iret:     {"iret", nil, true, "CZSO", "eip = pop; EFLAGS = pop; if the popped EFLAGS has UM: esp = pop, enter user mode"},
		Cli:      {"cli", nil, true, "", "IF = 0"},
		Sti:      {"sti", nil, true, "", "IF = 1"},
		Hlt:      {"hlt", nil, true, "", "wait for an interrupt (virtual time skips to the next device event)"},
		Ud2:      {"ud2", nil, false, "", "raise #UD (a deliberately invalid instruction)"},
		MovRC:    {"mov", args(R32, CR), true, "", "dst = control register"},
		MovCR:    {"mov", args(CR, R32), true, "", "control register = src (writing cr0 or cr3 flushes the TLB)"},
		Invlpg:   {"invlpg", args(M), true, "", "drop the TLB entry for the page holding address m"},
		InRI32:   {"in", args(R32, I16), true, "", "dst = 32-bit read of port imm"},
		InRI16:   {"in", args(R16, I16), true, "", "dst = zero-extended 16-bit read of port imm"},
		InRI8:    {"in", args(R8, I16), true, "", "dst = zero-extended 8-bit read of port imm"},
		InRD32:   {"in", args(R32, DX), true, "", "dst = 32-bit read of port dx"},
		InRD16:   {"in", args(R16, DX), true, "", "dst = zero-extended 16-bit read of port dx"},
		InRD8:    {"in", args(R8, DX), true, "", "dst = zero-extended 8-bit read of port dx"},
		OutIR32:  {"out", args(I16, R32), true, "", "write src to port imm"},
		OutIR16:  {"out", args(I16, R16), true, "", "write low 16 bits of src to port imm"},
		OutIR8:   {"out", args(I16, R8), true, "", "write low 8 bits of src to port imm"},
		OutDR32:  {"out", args(DX, R32), true, "", "write src to port dx"},
		OutDR16:  {"out", args(DX, R16), true, "", "write low 16 bits of src to port dx"},
		OutDR8:   {"out", args(DX, R8), true, "", "write low 8 bits of src to port dx"},
		RepMovsb: {"rep movsb", nil, false, "", "while ecx: [edi] = 8-bit [esi]; esi++, edi++, ecx-- (restartable after a fault)"},
		RepMovsd: {"rep movsd", nil, false, "", "while ecx: [edi] = [esi]; esi += 4, edi += 4, ecx-- (restartable after a fault)"},
		RepStosb: {"rep stosb", nil, false, "", "while ecx: 8-bit [edi] = al; edi++, ecx-- (restartable after a fault)"},
		RepStosd: {"rep stosd", nil, false, "", "while ecx: [edi] = eax; edi += 4, ecx-- (restartable after a fault)"},
	}

	// The five forms of each two-operand ALU instruction.
	alu := []struct {
		base      Opcode
		name      string
		flags, do string
	}{
		{AddRR, "add", "CZSO", "dst += src"},
		{OrRR, "or", "CZSO", "dst |= src; CF = OF = 0"},
		{AdcRR, "adc", "CZSO", "dst += src + CF"},
		{SbbRR, "sbb", "CZSO", "dst -= src + CF"},
		{AndRR, "and", "CZSO", "dst &= src; CF = OF = 0"},
		{SubRR, "sub", "CZSO", "dst -= src"},
		{XorRR, "xor", "CZSO", "dst ^= src; CF = OF = 0"},
		{CmpRR, "cmp", "CZSO", "flags of dst - src; nothing written"},
		{TestRR, "test", "CZSO", "flags of dst & src; CF = OF = 0; nothing written"},
	}
	forms := [][]Arg{args(R32, R32), args(R32, I32), args(R32, M32), args(M32, R32), args(M32, I32)}
	for _, a := range alu {
		for i, f := range forms {
			rows[a.base+Opcode(i)] = Op{a.name, f, false, a.flags, a.do}
		}
	}

	shifts := []struct {
		base     Opcode
		name, do string
	}{
		{ShlRI, "shl", "dst <<= n; CF = last bit out; OF = top bit of result != CF"},
		{ShrRI, "shr", "dst >>= n (logical); CF = last bit out; OF = top bit of the original"},
		{SarRI, "sar", "dst >>= n (arithmetic); CF = last bit out; OF = 0"},
	}
	for _, s := range shifts {
		note := " (n masked to 5 bits; n = 0 changes nothing)"
		rows[s.base+0] = Op{s.name, args(R32, I8), false, "CZSO", s.do + note}
		rows[s.base+1] = Op{s.name, args(R32, CL), false, "CZSO", s.do + note}
		rows[s.base+2] = Op{s.name, args(M32, I8), false, "CZSO", s.do + note}
		rows[s.base+3] = Op{s.name, args(M32, CL), false, "CZSO", s.do + note}
	}

	for cc, c := range Conds {
		if c.Name == "" {
			continue
		}
		rows[JccBase+Opcode(cc)] = Op{"j" + c.Name, args(Rel), false, "", "if " + c.Test + ": eip = target"}
		rows[SetccBase+Opcode(cc)] = Op{"set" + c.Name, args(R32), false, "", "dst = 1 if " + c.Test + ", else 0 (all 32 bits written)"}
	}

	for code, row := range rows {
		Table[code] = row
	}
}

func args(a ...Arg) []Arg { return a }
