// Package isa is the single description of the v6vm instruction set.
//
// One table, [Table], drives execution (the machine switches on the opcode
// constants), assembly and disassembly (asm/ matches and prints rows by their
// operand kinds), and the reference document docs/isa.md (generated from the
// table by [Reference]; a test keeps the two equal).
//
// # Encoding
//
// An instruction is one opcode byte followed by its operands, in the order the
// row lists them, each encoded by its kind alone:
//
//	register (r8 r16 r32), control register   1 byte: register number
//	memory (m8 m16 m32 m)                      6 bytes: base|index<<4, scale, disp32
//	imm8 / imm16 / imm32, rel32                1 / 2 / 4 bytes, little-endian
//	dx, cl (implicit)                          0 bytes
//
// In a memory operand, base and index are register numbers 0–7 or 8 for
// "none"; scale is 0–3 (index multiplied by 1, 2, 4 or 8); disp32 is added.
// Any other value in an operand byte makes the instruction invalid (#UD).
// The length of an instruction therefore follows from its opcode alone.
package isa

// Register numbers, in x86 order.
const (
	EAX = iota
	ECX
	EDX
	EBX
	ESP
	EBP
	ESI
	EDI
	NoReg = 8 // "no base" or "no index" in a memory operand
)

// RegNames32, RegNames16 and RegNames8 name the registers at each width.
// Narrow forms read the low bits of the 32-bit register; v6vm has no
// partial-register writes (narrow loads zero- or sign-extend).
var (
	RegNames32 = [8]string{"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"}
	RegNames16 = [8]string{"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"}
	RegNames8  = [8]string{"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil"}
)

// Control registers, moved with the privileged `mov`. CR0, CR2 and CR3 are
// x86's; IDTR and ESP0 stand for x86's IDT register and TSS.ESP0.
const (
	CR0  = 0 // bit 31 PG: paging enabled
	CR2  = 2 // address of the last page fault
	CR3  = 3 // physical address of the page directory
	IDTR = 4 // address of the 256-gate vector table
	ESP0 = 5 // kernel stack pointer loaded on entry from user mode
)

// CRNames names the control registers; an empty name is not a register.
var CRNames = [8]string{CR0: "cr0", CR2: "cr2", CR3: "cr3", IDTR: "idtr", ESP0: "esp0"}

// EFLAGS bits. UM is ours: set while the CPU runs in user mode, so the EFLAGS
// pushed on a trap tells where it came from (V6++ tests the saved CS for this).
const (
	FlagCF = 1 << 0
	FlagZF = 1 << 6
	FlagSF = 1 << 7
	FlagIF = 1 << 9
	FlagOF = 1 << 11
	FlagUM = 1 << 17
)

// Exception vectors.
const (
	VecDivide  = 0  // #DE: divide by zero or quotient overflow (fault)
	VecInvalid = 6  // #UD: undefined opcode or operand byte (fault)
	VecGP      = 13 // #GP: privileged instruction in user mode, int to a kernel-only gate (fault, error code)
	VecPage    = 14 // #PF: page fault (fault, error code, CR2 = address)
)

// Page-fault error code bits.
const (
	PFPresent = 1 << 0 // the page was present: a protection violation
	PFWrite   = 1 << 1 // the access was a write
	PFUser    = 1 << 2 // the access came from user mode
	PFFetch   = 1 << 4 // the access was an instruction fetch
)

// Page-table entry bits (both levels).
const (
	PTEPresent  = 1 << 0
	PTEWritable = 1 << 1
	PTEUser     = 1 << 2
	PTEGlobal   = 1 << 8 // page tables only: the translation survives cr3 writes
)

// Gate bits in the vector table. Each gate is 8 bytes: handler address, then
// these flags.
const (
	GatePresent = 1 << 0
	GateTrap    = 1 << 1 // trap gate: IF is left alone (interrupt gates clear it)
	GateUser    = 1 << 2 // user mode may reach it with `int n`
)

// Arg is the kind of one operand.
type Arg uint8

const (
	R32 Arg = iota + 1 // 32-bit register
	R16                // low 16 bits of a register (narrow stores, in/out)
	R8                 // low 8 bits of a register
	M32                // 32-bit memory operand
	M16                // 16-bit memory operand
	M8                 // 8-bit memory operand
	M                  // address only (lea, invlpg)
	I32                // 32-bit immediate
	I16                // 16-bit immediate (port numbers, 16-bit stores)
	I8                 // 8-bit immediate (int n, shift counts, byte stores)
	Rel                // 32-bit displacement from the next instruction
	CR                 // control register
	DX                 // the DX register, implied (in/out port)
	CL                 // the CL register, implied (shift count)
)

// Size is the number of encoded bytes of an operand of this kind.
func (a Arg) Size() int {
	switch a {
	case R32, R16, R8, CR, I8:
		return 1
	case M32, M16, M8, M:
		return 6
	case I32, Rel:
		return 4
	case I16:
		return 2
	}
	return 0
}

// IsReg reports whether the operand is a register field (stored in R1/R2).
func (a Arg) IsReg() bool { return a == R32 || a == R16 || a == R8 || a == CR }

// IsMem reports whether the operand is a memory field.
func (a Arg) IsMem() bool { return a == M32 || a == M16 || a == M8 || a == M }

// IsImm reports whether the operand is an immediate field (stored in Imm).
func (a Arg) IsImm() bool { return a == I32 || a == I16 || a == I8 || a == Rel }

var argNames = [...]string{R32: "r32", R16: "r16", R8: "r8", M32: "m32", M16: "m16", M8: "m8", M: "m",
	I32: "imm32", I16: "imm16", I8: "imm8", Rel: "rel32", CR: "cr", DX: "dx", CL: "cl"}

func (a Arg) String() string {
	if int(a) < len(argNames) && argNames[a] != "" {
		return argNames[a]
	}
	return "?"
}

// Op is one row of the table: one opcode byte.
type Op struct {
	Name  string // mnemonic, e.g. "add", "rep movsb"
	Args  []Arg  // operands in assembly (and encoding) order
	Priv  bool   // faults with #GP in user mode
	Flags string // flags written, in the order C Z S O; "" leaves them alone
	Doc   string // one-line semantics for the reference
}

// Len is the encoded length of the instruction in bytes.
func (o *Op) Len() int {
	n := 1
	for _, a := range o.Args {
		n += a.Size()
	}
	return n
}

// Valid reports whether the row is an instruction (unassigned opcodes are not).
func (o *Op) Valid() bool { return o.Name != "" }
