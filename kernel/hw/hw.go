// Package hw declares the machine intrinsics of v6vm's kernel. The kernel is
// written in a Go subset compiled by tools/kgo, which does not call these
// functions: it expands each call inline, in the calling function's own
// frame, exactly as V6++ expands its inline-asm macros. That matters for
// SaveU/RetU, which must act on the frame of the function that names them.
//
// The bodies here are host stubs that do nothing (or return zero). They exist
// so that go/types, go vet and the host build accept kernel code; they are
// never what runs on the machine. kgo reads this file's declarations through
// Source, so the signatures below are the contract.
package hw

import _ "embed"

// SaveU stores ESP in sav[0] and EBP in sav[1]: V6++'s SaveU(u_sav) macro
// (`movl %esp, sav[0]; movl %ebp, sav[1]`). EIP is not saved; a later RetU
// resumes in whichever function executes it, on the saved frame.
func SaveU(sav *[2]uintptr) {}

// RetU loads ESP from sav[0] and EBP from sav[1]: V6++'s RetU() macro, which
// reads u.u_rsav of the mapped u area; here the save area is explicit. The
// caller's next `return` leaves through the frame that SaveU recorded.
func RetU(sav *[2]uintptr) {}

// ARetU loads ESP and EBP from sav: V6++'s aRetU(u_ssav or u_qsav) macro.
func ARetU(sav *[2]uintptr) {}

// InB reads a byte from an I/O port: IOPort::InByte (`inb %dx, %al`).
func InB(port uint16) uint8 { return 0 }

// InW reads 16 bits from an I/O port: IOPort::InWord (`inw %dx, %ax`).
func InW(port uint16) uint16 { return 0 }

// InL reads 32 bits from an I/O port: IOPort::InDWord (`inl %dx, %eax`).
func InL(port uint16) uint32 { return 0 }

// OutB writes a byte to an I/O port: IOPort::OutByte (`outb %al, %dx`).
func OutB(port uint16, v uint8) {}

// OutW writes 16 bits to an I/O port: IOPort::OutWord (`outw %ax, %dx`).
func OutW(port uint16, v uint16) {}

// OutL writes 32 bits to an I/O port: IOPort::OutDWord (`outl %eax, %dx`).
func OutL(port uint16, v uint32) {}

// Cli disables interrupts: X86Assembly::CLI().
func Cli() {}

// Sti enables interrupts: X86Assembly::STI().
func Sti() {}

// Hlt waits for an interrupt: X86Assembly::HLT(), the idle loop of Select.
func Hlt() {}

// EFLAGS returns the flags register (`pushf; pop %eax`), for saving IF
// around a critical section.
func EFLAGS() uint32 { return 0 }

// SetEFLAGS loads the flags register (`push %eax; popf`).
func SetEFLAGS(v uint32) {}

// CR0 returns control register 0 (`movl %cr0, %eax`; paging is bit 31).
func CR0() uint32 { return 0 }

// SetCR0 loads control register 0 (`movl %eax, %cr0`), flushing the TLB.
func SetCR0(v uint32) {}

// CR2 returns the faulting address of the last page fault (`movl %cr2, %eax`).
func CR2() uint32 { return 0 }

// CR3 returns the page directory base (`movl %cr3, %eax`).
func CR3() uint32 { return 0 }

// SetCR3 loads the page directory base (`movl %eax, %cr3`), flushing the TLB.
func SetCR3(v uint32) {}

// FlushTLB reloads CR3 with itself: V6++'s FlushPageDirectory(), which the
// SwtchUStruct macro uses after rewriting the ppda page-table entry.
func FlushTLB() {}

// SetIDTR loads the vector table base: V6++'s IDT::LoadIDT (lidt).
func SetIDTR(v uint32) {}

// SetESP0 loads the kernel stack pointer used on entry from user mode:
// V6++'s TaskStateSegment.ESP0 (ltr of a TSS holding 0xC0400000).
func SetESP0(v uint32) {}

// Invlpg drops the TLB entry for the page holding addr (`invlpg (addr)`).
// V6++ flushes all of CR3 instead; this is the precise form.
func Invlpg(addr uintptr) {}

// CopyBytes copies n bytes from src to dst (`rep movsb`), as
// Utility::MemCopy does byte by byte; ESI and EDI are saved around it.
func CopyBytes(dst, src uintptr, n uint32) {}

// CopyWords copies n 4-byte words from src to dst (`rep movsd`), as
// Utility::DWordCopy.
func CopyWords(dst, src uintptr, n uint32) {}

// FillBytes stores n copies of b from dst on (`rep stosb`), as memset.
func FillBytes(dst uintptr, b uint8, n uint32) {}

// FillWords stores n copies of the word w from dst on (`rep stosd`).
func FillWords(dst uintptr, w uint32, n uint32) {}

// EBP returns the current frame pointer (`movl %ebp, %eax`), for backtraces.
func EBP() uintptr { return 0 }

//go:embed hw.go
var source string

// Source returns this file's text: tools/kgo type-checks kernel code against
// it, so the declarations here are the single definition of the intrinsics.
func Source() string { return source }
