//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// vfork and clone (ours: V6++ has neither; they are what students meet next,
// on BSD and Linux). A process made by vfork, or by clone with CLONE_VM,
// runs in another's address space: it has its own ppda (u area and core
// stack) at p_addr, p_size USIZE, but uses the owner's page directory,
// which maps the owner's data and stack. A Space records the sharing: the
// owner's image past its ppda, the page directory, and how many processes
// use them. The last one out frees them.

const (
	CLONE_VM    = 0x100  // share the address space
	CLONE_VFORK = 0x4000 // the parent sleeps until the child execs or exits
	CSIGNAL     = 0xFF   // the signal the parent gets when the child exits

	SVFORK = 0x40 // a parent sleeps until this process execs or exits (ours)

	PVFORK = -10 // the vfork parent's sleep: not interruptible (ours)
)

// Space is an address space shared by several processes.
type Space struct {
	s_pgdir uint32
	s_addr  uint32 // the shared data and stack: the owner's image after its ppda
	s_size  uint32
	s_owner *Process // nil once the owner has left
	s_count int32
	s_paged bool // the pages are counted pages (cow.go), not s_addr/s_size
}

var Spaces [NPROC]Space

// shareSpace returns p's space, making one if p owned its address space
// alone; nil if none is free.
func shareSpace(p *Process) *Space {
	if p.p_space != nil {
		return p.p_space
	}
	for i := 0; i < NPROC; i++ {
		s := &Spaces[i]
		if s.s_count == 0 {
			s.s_pgdir = p.p_pgdir
			s.s_addr = p.p_addr + USIZE
			s.s_size = p.p_size - USIZE
			s.s_owner = p
			s.s_count = 1
			s.s_paged = p.p_flag&SPAGED != 0
			p.p_space = s
			return s
		}
	}
	return nil
}

// ReleaseSpace takes p out of its shared address space (on exec and exit):
// the owner hands its data and stack over to the space, and the last user
// frees them with the page directory. It wakes a vfork parent.
func ReleaseSpace(p *Process) {
	s := p.p_space
	if s == nil {
		return
	}
	p.p_space = nil
	if s.s_owner == p {
		p.p_size = USIZE // the rest of the image now belongs to the space
		p.p_flag &^= SPAGED
		s.s_owner = nil
	}
	s.s_count--
	if s.s_count == 1 && s.s_owner != nil {
		// The owner is alone again (a vfork parent whose child has
		// exec'd or exited): the space is its own image once more,
		// which it may grow (brk, the stack) as before.
		s.s_owner.p_space = nil
		s.s_owner = nil
		s.s_count = 0
	} else if s.s_count == 0 {
		if s.s_paged {
			releasePages(s.s_pgdir, &GetUser().u_MemoryDescriptor)
		} else {
			CoreMap.Free(s.s_size, s.s_addr)
		}
		FreePageDirectory(s.s_pgdir)
	}
	if p.p_flag&SVFORK != 0 {
		p.p_flag &^= SVFORK
		ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(p)))
	}
}

// SpaceForExec gives the running process, if it shares an address space, a
// fresh empty one of its own before exec builds the new program in it.
// False if memory is short.
func SpaceForExec() bool {
	p := GetUser().u_procp
	if p.p_space == nil {
		return true
	}
	pgdir := NewPageDirectory()
	if pgdir == 0 {
		return false
	}
	ReleaseSpace(p)
	p.p_pgdir = pgdir
	hw.SetCR3(pgdir)
	return true
}

// Sys_Vfork is vfork(): clone(CLONE_VM|CLONE_VFORK|SIGCHLD) with the
// caller's own stack. The child borrows the parent's memory — its writes
// to variables and to the stack are the parent's — while the parent sleeps
// until the child calls exec or exits. The parent then resumes with its own
// registers (they are in its own trap frame) and the child's pid.
func Sys_Vfork() { cloneProc(CLONE_VM|CLONE_VFORK|SIGCHLD, 0) }

// Sys_Clone is clone(flags, child_stack): a child that shares the address
// space (CLONE_VM) or gets a copy, starting on child_stack if it is not 0;
// with CLONE_VFORK the parent sleeps until the child execs or exits.
func Sys_Clone() {
	u := GetUser()
	cloneProc(uint32(u.u_arg[0]), uint32(u.u_arg[1]))
}

func cloneProc(flags, stack uint32) {
	u := GetUser()
	pm := &ProcMgr
	slot := pm.freeSlotIndex()
	if slot < 0 {
		u.u_error = EAGAIN
		return
	}
	child := &pm.process[slot]
	var r int32
	if flags&CLONE_VM != 0 {
		r = pm.NewProcShared(stack)
	} else {
		r = pm.NewProcStack(stack)
	}
	if r < 0 {
		u.u_error = ENOMEM
		return
	}
	if r == 1 {
		// The child, returning from its first Swtch through NewProc.
		u.u_ar0.eax = 0
		u.u_cstime, u.u_stime, u.u_cutime, u.u_utime = 0, 0, 0, 0
		return
	}
	child.p_xsig = int32(flags & CSIGNAL)
	if flags&CLONE_VFORK != 0 {
		child.p_flag |= SVFORK
		for child.p_flag&SVFORK != 0 {
			u.u_procp.Sleep(uintptr(unsafe.Pointer(child)), PVFORK)
		}
	}
	u.u_ar0.eax = uint32(child.p_pid)
}

// NewProcShared is NewProc for a child that shares the running process's
// address space: only the ppda is copied (the child gets 1 from it exactly
// as from NewProc), and the child uses the same page directory. If stack
// is not 0 the child returns to user mode on it.
func (pm *ProcessManager) NewProcShared(stack uint32) int32 {
	u := GetUser()
	parent := u.u_procp
	slot := pm.freeSlotIndex()
	addr := CoreMap.Alloc(USIZE)
	if addr == 0 {
		return -1
	}
	s := shareSpace(parent)
	if s == nil {
		CoreMap.Free(USIZE, addr)
		return -1
	}
	s.s_count++
	child := pm.cloneEntry(slot, parent)
	child.p_size = USIZE
	child.p_addr = addr
	child.p_pgdir = s.s_pgdir
	child.p_space = s

	hw.SaveU(&u.u_rsav)
	hw.CopyBytes(PhysToVirt(addr), PhysToVirt(parent.p_addr), USIZE)
	cu := (*User)(unsafe.Pointer(PhysToVirt(addr)))
	cu.u_procp = child
	setChildStack(cu, addr, stack)
	child.p_stat = SRUN
	return 0
}

// NewProcStack is NewProc with the child starting on another user stack.
func (pm *ProcessManager) NewProcStack(stack uint32) int32 {
	r := pm.NewProc()
	if r == 0 && stack != 0 {
		child := &pm.process[pm.lastNew]
		setChildStack((*User)(unsafe.Pointer(PhysToVirt(child.p_addr))), child.p_addr, stack)
	}
	return r
}

// setChildStack points the user stack of a child's trap frame — in its copy
// of the core stack, at the same ppda offset as the parent's — at stack.
func setChildStack(cu *User, addr, stack uint32) {
	if stack == 0 {
		return
	}
	ctx := (*PtContext)(unsafe.Pointer(PhysToVirt(addr) + uintptr(unsafe.Pointer(cu.u_ctx)) - USER_ADDRESS))
	ctx.esp = stack
}
