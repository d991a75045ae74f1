//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// Trap handles a system call (SystemCall::Trap). The entry stub
// (SystemCallEntrance in entry.s) has saved the user registers as *regs on
// the core stack; ctx is what the CPU pushed. The call number is in EAX,
// the arguments in EBX ECX EDX ESI EDI; the result goes back in the saved
// EAX, a failure as the negated error number.
func Trap(regs *PtRegs, ctx *PtContext) {
	u := GetUser()
	p := u.u_procp
	u.u_ar0 = regs
	u.u_ctx = ctx
	if p.IsSig() {
		p.PSig(ctx)
		regs.eax = errorResult(EINTR)
		return
	}
	u.u_error = 0
	u.u_arg[0] = int32(regs.ebx)
	u.u_arg[1] = int32(regs.ecx)
	u.u_arg[2] = int32(regs.edx)
	u.u_arg[3] = int32(regs.esi)
	u.u_arg[4] = int32(regs.edi)
	num := regs.eax
	u.u_callno = num
	tracePoint(TRACE_SYSCALL, uintptr(num))

	Trap1(num)
	// Read u_procp again: after fork, the child returns here on a copy of
	// the parent's stack, where the local p still names the parent.
	p = u.u_procp
	if u.u_intflg {
		// A signal aborted a sleep: Sleep went back to Trap1's frame.
		u.u_intflg = false
		u.u_error = EINTR
	}
	if u.u_error != 0 {
		regs.eax = errorResult(u.u_error)
	}
	tracePoint(TRACE_SYSRET, uintptr(regs.eax))
	if p.IsSig() {
		p.PSig(ctx)
	}
	p.SetPri()
}

// Trap1 runs the handler of call num with u_qsav recording this frame, so
// an interrupted sleep can abandon the call and come back here
// (SystemCall::Trap1).
func Trap1(num uint32) {
	u := GetUser()
	u.u_intflg = true
	hw.SaveU(&u.u_qsav)
	if !Dispatch(num) {
		u.u_error = ENOSYS
	}
	u.u_intflg = false
}

// CheckRunRun is the tail of every entry stub (V6++ writes it into each
// entrance): on the way back to user mode, give up the processor while a
// reschedule is wanted. It returns with interrupts off; the stub's iret
// turns them back on. Returning to kernel mode never switches: the kernel
// is not preemptive.
func CheckRunRun(ctx *PtContext) {
	if !ctx.FromUser() {
		return
	}
	for {
		hw.Cli()
		if ProcMgr.RunRun == 0 {
			return
		}
		hw.Sti()
		ProcMgr.Swtch()
	}
}

// Vectors of the exceptions the kernel handles.
const (
	VEC_DIVIDE  = 0
	VEC_INVALID = 6
	VEC_GP      = 13
	VEC_PAGE    = 14
)

// PteContext is the frame of an exception: the vector and error code the
// stub (or the CPU) pushed, then the CPU's frame (V6++ pte_context).
type PteContext struct {
	vector, errcode uint32
	ctx             PtContext
}

// Exception handles a processor exception (V6++ Exception::*Entrance).
// From user mode it signals the process (SIGFPE, SIGILL, SIGSEGV), which by
// default kills it; a page fault just below the stack grows the stack
// instead (V6++ SStack). In the kernel it is a bug: panic.
func Exception(regs *PtRegs, ectx *PteContext) {
	u := GetUser()
	ctx := &ectx.ctx
	if !ctx.FromUser() {
		print("kernel ", vectorName(ectx.vector), " at eip ")
		printHex(ctx.eip)
		print(", address ")
		printHex(hw.CR2())
		println(", error", ectx.errcode)
		Panic("exception in kernel mode")
	}
	u.u_ar0 = regs
	u.u_ctx = ctx
	p := u.u_procp
	sig := int32(SIGILL)
	switch ectx.vector {
	case VEC_DIVIDE:
		sig = SIGFPE
	case VEC_GP:
		sig = SIGSEGV
	case VEC_PAGE:
		if ectx.errcode&1 == 0 && GrowStack(hw.CR2()) {
			return
		}
		if ectx.errcode&3 == 3 && cowFault(hw.CR2()) {
			return // a write to a page shared by a copy-on-write fork
		}
		sig = SIGSEGV
	}
	tracePoint(TRACE_FAULT, uintptr(ectx.vector))
	p.PSignal(sig)
	if p.IsSig() {
		p.PSig(ctx)
	}
}

func vectorName(v uint32) string {
	switch v {
	case VEC_DIVIDE:
		return "divide error"
	case VEC_INVALID:
		return "invalid instruction"
	case VEC_GP:
		return "protection fault"
	case VEC_PAGE:
		return "page fault"
	}
	return "exception"
}

// MAX_STACK bounds automatic stack growth.
const MAX_STACK = 1 << 20

// GrowStack extends the running process's stack down to cover addr if addr
// is a plausible stack access: below the stack, within MAX_STACK of the top
// and above the data (V6++ Process::SStack via the page-fault handler).
func GrowStack(addr uint32) bool {
	u := GetUser()
	md := &u.u_MemoryDescriptor
	bottom := USER_SPACE_SIZE - md.m_StackSize
	if addr >= bottom || addr < USER_SPACE_SIZE-MAX_STACK || addr < md.m_DataStartAddress+md.m_DataSize+PAGE_SIZE {
		return false
	}
	if u.u_procp.p_space != nil {
		return false // a shared address space keeps its size (vfork.go)
	}
	if p := u.u_procp; p.p_flag&SPAGED != 0 {
		grow := pageRound(bottom - addr&^(PAGE_SIZE-1))
		if !growPaged(p, bottom-grow, grow/PAGE_SIZE) {
			return false
		}
		md.m_StackSize += grow
		return true
	}
	grow := pageRound(bottom - addr&^(PAGE_SIZE-1))
	if !Expand(u.u_procp.p_size + grow) {
		return false
	}
	// Expand left zeroed bytes between the data and the stack, which is
	// the image's tail: they are the stack's new bottom pages.
	md.m_StackSize += grow
	EstablishUserPageTable(u.u_procp, md)
	hw.FlushTLB()
	return true
}

// tracePoint tells tools watching the machine that something happened (it
// writes the trace ports, which no device answers; a tracer's I/O hook
// reads the kernel's state at that moment). Tools only read: nothing here
// changes what the kernel does.
func tracePoint(kind uint32, arg uintptr) {
	hw.OutL(PORT_TRACE_ARG, uint32(arg))
	hw.OutL(PORT_TRACE, kind)
}

// Trace ports and event kinds (tools/trace reads them).
const (
	PORT_TRACE     = 0xED
	PORT_TRACE_ARG = 0xEC

	TRACE_SWTCH_OUT = 1  // the running process calls Swtch
	TRACE_SELECT    = 2  // Select chose arg (a *Process); the table shows why
	TRACE_SWTCH_IN  = 3  // the chosen process resumes
	TRACE_IDLE      = 4  // Select found nothing to run and halts
	TRACE_SLEEP     = 5  // the running process sleeps on arg
	TRACE_WAKEUP    = 6  // SetRun of arg (a *Process)
	TRACE_SYSCALL   = 7  // system call arg begins (arguments in u_arg)
	TRACE_SYSRET    = 8  // it returns arg (in EAX)
	TRACE_EXIT      = 9  // the running process exits with status arg
	TRACE_CLOCK     = 10 // the once-a-second recomputation has run
	TRACE_EXEC      = 11 // the running process has exec'd (u_comm)
	TRACE_SIGNAL    = 12 // signal arg delivered to the running process
	TRACE_FAULT     = 13 // the running process took exception arg
	TRACE_BOOT      = 14 // the kernel is up; arg is the address of ProcMgr
	TRACE_TICK      = 15 // a clock tick; arg 1 if it came from user mode
	TRACE_COW       = 16 // a copy-on-write fault at user address arg (bit 0: copied, bit 1: a page table)
)

var _ = unsafe.Pointer(nil)

// errorResult is what a failed call returns in EAX: the negated error.
func errorResult(e int32) uint32 { return uint32(-e) }
