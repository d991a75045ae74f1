package isa

import (
	"fmt"
	"strings"
)

// Reference returns docs/isa.md: the instruction-set reference, generated
// from Table so that it cannot drift from what the machine executes.
// Regenerate with `go test ./v6vm/isa -update`.
func Reference() string {
	var b strings.Builder
	b.WriteString(`# The v6vm instruction set

<!-- Generated from v6vm/isa by "go test ./v6vm/isa -update". Do not edit. -->

A 32-bit, little-endian, x86-flavoured register machine. The mnemonics and
their semantics follow x86 closely enough that a V6++ student can read a
listing; the encoding is our own and regular: **one opcode byte, then each
operand in order**, encoded by its kind alone, so an instruction's length
follows from its opcode.

| operand kind | bytes | encoding |
|---|---|---|
| r32, r16, r8 | 1 | register number (eax=0 ecx=1 edx=2 ebx=3 esp=4 ebp=5 esi=6 edi=7) |
| cr | 1 | control register number (cr0=0 cr2=2 cr3=3 idtr=4 esp0=5) |
| m32, m16, m8, m | 6 | base \| index<<4 (8 = none), scale (0–3: ×1 ×2 ×4 ×8), disp32 |
| imm32, rel32 | 4 | little-endian; rel32 counts from the end of the instruction |
| imm16 | 2 | little-endian |
| imm8 | 1 | |
| dx, cl | 0 | implied |

Any other value in an operand byte, and any unassigned opcode, raises #UD.
Opcode 0x00 is never assigned, so running into zeroed memory faults.

## Registers and flags

EAX ECX EDX EBX ESP EBP ESI EDI and EIP are 32 bits. r16/r8 operands name the
low bits (ax, al, ...; spl bpl sil dil for the others): they are only read
(narrow stores, port output) or written whole (movzx, movsx, in, setcc write
all 32 bits). There are no partial-register writes.

EFLAGS: CF (bit 0), ZF (6), SF (7), IF (9), OF (11), and UM (17), which is
set while the CPU runs in user mode, so the EFLAGS saved by a trap says where
the trap came from. ZF and SF always describe the 32-bit result.

## Modes, traps and interrupts

Kernel and user mode. Instructions marked *priv* raise #GP in user mode.
Vector table: 256 gates of 8 bytes at the address in idtr: handler address,
then flags (bit 0 present, bit 1 trap gate — IF left alone; interrupt gates
clear IF, bit 2 user — user mode may reach it with int n).

On entry from user mode the CPU switches to kernel mode, loads ESP from esp0
(V6++'s TSS.ESP0) and pushes the user ESP, EFLAGS and EIP; from kernel mode it
pushes EFLAGS and EIP on the current stack. Exceptions with an error code
(#GP, #PF) push it last. iret pops EIP and EFLAGS and, if the popped EFLAGS
has UM, ESP, returning to user mode.

| vector | name | kind | EIP pushed | error code |
|---|---|---|---|---|
| 0 | #DE divide error | fault | the div | — |
| 6 | #UD invalid instruction | fault | the instruction | — |
| 13 | #GP protection | fault | the instruction | the vector of a refused int n, else 0 |
| 14 | #PF page fault | fault | the instruction | P=1 W=2 U=4 fetch=16; cr2 = the address |
| n | int n | trap | the next instruction | — |

Faults are precise: the faulting instruction has changed nothing (rep
instructions keep the iterations they completed and restart from there).

## Paging

cr0 bit 31 enables x86-style two-level paging: cr3 holds the physical address
of a page directory of 1024 entries, each pointing at a page table of 1024
entries for 4 KiB pages. Entry bits: present (0), writable (1), user (2), and
in a page table global (8). An access from user mode needs user in both
levels; every write, in kernel mode too, needs writable in both levels (x86
with CR0.WP set). The TLB is flushed by writing cr3, except for the
translations of global pages (x86 with CR4.PGE set: a kernel maps itself
global in every address space, so a process switch keeps its translations);
writing cr0 flushes everything, and invlpg one page, global or not. Changing
a page table without one of them leaves the old translation in use, as on
x86. There are no accessed or dirty bits.

## Instructions

Syntax is Intel order (destination first). Memory operands are written
` + "`[base+index*scale+disp]`" + `; ` + "`byte`/`word`/`dword`" + ` give the size where no register
operand implies it.

| opcode | instruction | bytes | priv | flags | semantics |
|---|---|---|---|---|---|
`)
	for code := range Table {
		op := &Table[code]
		if !op.Valid() {
			continue
		}
		var syn []string
		for _, a := range op.Args {
			syn = append(syn, a.String())
		}
		priv := ""
		if op.Priv {
			priv = "yes"
		}
		flags := op.Flags
		if flags == "" {
			flags = "—"
		}
		fmt.Fprintf(&b, "| 0x%02X | `%s` | %d | %s | %s | %s |\n",
			code, strings.TrimSpace(op.Name+" "+strings.Join(syn, ", ")), op.Len(), priv, flags, op.Doc)
	}
	b.WriteString(`
Flags column: C Z S O name the flags written (always all four for the
arithmetic rows, with the rule in the semantics column); "—" leaves them alone.
Condition codes for jcc and setcc:

| cc | holds when |
|---|---|
`)
	for _, c := range Conds {
		if c.Name != "" {
			fmt.Fprintf(&b, "| %s | %s |\n", c.Name, c.Test)
		}
	}
	b.WriteString("\nThe assembler also accepts the other x86 spellings (jz, jnz, jc, jnae, ...).\n")
	return b.String()
}
