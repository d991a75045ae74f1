//go:build v6vm

package kernel

import "unsafe"

// MemoryDescriptor describes a process's user address space (V6++
// MemoryDescriptor). V6++ keeps a relative page table here and copies it
// into two shared page tables on every switch; v6vm gives each process its
// own page directory (Process.p_pgdir) built from these fields, so a switch
// only loads CR3.
type MemoryDescriptor struct {
	m_TextStartAddress uint32 // user virtual address of text
	m_TextSize         uint32
	m_DataStartAddress uint32 // user virtual address of data (bss and heap follow)
	m_DataSize         uint32 // data + bss + heap, page-rounded
	m_StackSize        uint32 // page-rounded; the stack ends at USER_SPACE_SIZE
}

// User is the u area (V6++ User.h): the per-process state that lives in the
// ppda page at USER_ADDRESS, below the core stack. Only the running
// process's u area is addressable there; another process's is reached
// through its p_addr.
type User struct {
	u_rsav  [2]uintptr // esp, ebp saved by SaveU for Swtch
	u_ssav  [2]uintptr // second save (swapping, in V6++)
	u_procp *Process

	u_MemoryDescriptor MemoryDescriptor

	// u_ar0 points at the registers the trap entry saved (V6++ points at
	// the saved EAX and indexes around it; here it is the whole block).
	u_ar0    *PtRegs
	u_arg    [5]int32 // system-call arguments (EBX ECX EDX ESI EDI)
	u_callno uint32   // the call in progress (ours, for traces)
	u_ctx    *PtContext

	u_utime, u_stime, u_cutime, u_cstime int32

	u_signal [NSIG]uintptr // handler per signal: 0 default, 1 ignore, else a user address
	u_qsav   [2]uintptr    // where a signal aborts a sleep to (Trap1)
	u_intflg bool

	u_error int32
	u_uid   int16
	u_gid   int16

	u_ofiles [NOFILES]*File

	// The file system's per-call state (V6++ User): the current
	// directory; what NameI leaves for the call (the parent directory of
	// a name to create or delete, the entry found, the last component);
	// and where ReadI and WriteI transfer.
	u_cdir    *Inode
	u_pdir    *Inode
	u_dent    DirectoryEntry
	u_dbuf    [DIRSIZ]byte
	u_IOParam IOParameter

	u_comm [16]byte // command name, for ps and traces (ours)
	u_brk  uint32   // the exact program break; the data segment is it page-rounded (ours)
}

// GetUser returns the running process's u area: Kernel::GetUser().
func GetUser() *User { return (*User)(unsafe.Pointer(uintptr(USER_ADDRESS))) }

// PtRegs is the block the trap entry stubs push (V6++ pt_regs, without
// the segment registers v6vm does not have). Lowest address first.
type PtRegs struct {
	ebx, ecx, edx, esi, edi, ebp, eax uint32
}

// PtContext is what the CPU pushed on entry (V6++ pt_context, without CS
// and SS): esp is valid only when eflags has EFLAGS_UM, i.e. the trap came
// from user mode.
type PtContext struct {
	eip, eflags, esp uint32
}

// FromUser reports whether the trap that saved ctx interrupted user mode
// (V6++ tests the saved CS's privilege level).
func (ctx *PtContext) FromUser() bool { return ctx.eflags&EFLAGS_UM != 0 }
