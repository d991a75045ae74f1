//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// Process is one entry of the process table (V6++ Process.h; V6's proc).
type Process struct {
	p_uid   int16
	p_pid   int32
	p_ppid  int32  // -1 for a free slot: nobody's child
	p_addr  uint32 // physical address of the image (ppda first)
	p_size  uint32 // image bytes: ppda + data + stack (text is shared, apart)
	p_textp *Text
	p_stat  int32
	p_flag  int32
	p_pri   int32 // smaller is better
	p_cpu   int32
	p_nice  int32
	p_time  int32 // seconds in core (cap 127)
	p_wchan uintptr
	p_sig   int32 // one pending signal

	// Ours. p_pgdir: the page directory of this process's address space
	// (V6++ rebuilds two shared page tables on every switch instead).
	// p_xstat, p_xtime: a zombie's wait status and total CPU ticks, which
	// V6++ keeps in a swapped-out copy of the u area.
	p_pgdir uint32
	p_xstat int32
	p_xtime int32

	// Ours, for vfork and clone (vfork.go): the address space shared with
	// other processes, if any, and the signal the parent gets at exit.
	p_space *Space
	p_xsig  int32
}

// Text is a shared read-only text segment (V6++ Text.h).
type Text struct {
	x_caddr uint32 // physical address
	x_size  uint32
	x_count int32  // processes using it
	x_key   int32  // what was loaded (boot image entry + 1); 0 if free
	x_iptr  *Inode // the executable's inode (referenced) when loaded from the file system
	x_flag  int32  // XLOAD while the disk is still reading it in (V6's x_flag)
}

// ProcessManager holds the process table and scheduler state (V6++
// ProcessManager.h).
type ProcessManager struct {
	process  [NPROC]Process
	text     [NTEXT]Text
	CurPri   int32 // priority of the running process when it was selected
	RunRun   int32 // a reschedule is wanted on the way back to user mode
	RunIn    int32
	RunOut   int32
	ExeCnt   int32
	SwtchNum int32 // switches so far (getswtch)

	lastSelect int32 // Select's static: the slot chosen last
	nextPid    int32 // NextUniquePid's static

	lastNew int32 // the slot NewProc filled last

	// high is one past the highest slot in use: slots from it on are all
	// SNULL, so the table's scans stop there. V6++ scans all NPROC every
	// time; the results are the same, the scans of a small system 25
	// times shorter (ours).
	high int32
}

// Slots is how far the process table's scans need to go.
func (pm *ProcessManager) Slots() int32 { return pm.high }

// freeSlotIndex is the first free slot, or -1.
func (pm *ProcessManager) freeSlotIndex() int32 {
	for i := int32(0); i < NPROC; i++ {
		if pm.process[i].p_stat == SNULL {
			return i
		}
	}
	return -1
}

// freeSlot returns slot p to the table (Wait), lowering high past free
// slots at the top.
func (pm *ProcessManager) freeSlot(p *Process) {
	p.p_stat = SNULL
	for pm.high > 0 && pm.process[pm.high-1].p_stat == SNULL {
		pm.high--
	}
}

// ProcMgr is Kernel::Instance().GetProcessManager().
var ProcMgr ProcessManager

// NextUniquePid returns a pid never used before: pids are not reused.
func (pm *ProcessManager) NextUniquePid() int32 {
	pid := pm.nextPid
	pm.nextPid++
	return pid
}

// SetupProcessZero makes the running boot context process 0 (V6++
// ProcessManager::SetupProcessZero): pid 0, always loaded, never swapped,
// its ppda the one the boot code is already running on.
func (pm *ProcessManager) SetupProcessZero() {
	for i := 0; i < NPROC; i++ {
		pm.process[i].p_ppid = -1
	}
	p := &pm.process[0]
	p.p_pid = pm.NextUniquePid()
	p.p_stat = SRUN
	p.p_flag = SLOAD | SSYS
	p.p_addr = PROCESS_ZERO_PPDA_ADDRESS
	p.p_size = USIZE
	p.p_pgdir = KERNEL_PD
	pm.high = 1
	u := GetUser()
	u.u_procp = p
	setComm(u, "swapper")
}

// NewProc creates a child of the running process and returns 0 in the
// parent. It also returns — a second time, in the child — 1: the child's
// first Swtch restores the frame SaveU records here, in the child's copy of
// this stack, and executes `return 1` on it (ProcessManager::NewProc).
// Returns -1 if memory is short (V6++ would swap the parent out instead).
func (pm *ProcessManager) NewProc() int32 {
	u := GetUser()
	slot := pm.freeSlotIndex()
	if slot < 0 {
		Panic("NewProc: no free process slot") // Fork checks first
	}
	parent := u.u_procp

	// The image to copy: the parent's ppda, then its data and stack —
	// which, for a process sharing another's address space (vfork.go),
	// are the space's, not after its own ppda.
	dataAddr, dataSize := parent.p_addr+USIZE, parent.p_size-USIZE
	if s := parent.p_space; s != nil && s.s_owner != parent {
		dataAddr, dataSize = s.s_addr, s.s_size
	}

	// The child's address space comes first, so failing leaves nothing
	// behind (V6++ cannot fail: it swaps).
	addr := CoreMap.Alloc(USIZE + dataSize)
	if addr == 0 {
		return -1
	}
	pgdir := NewPageDirectory()
	if pgdir == 0 {
		CoreMap.Free(USIZE+dataSize, addr)
		return -1
	}
	child := pm.cloneEntry(slot, parent)
	child.p_size = USIZE + dataSize
	child.p_addr = addr
	child.p_pgdir = pgdir

	// The context the child will resume in: this frame, in its copy.
	hw.SaveU(&u.u_rsav)

	// Copy the whole image — ppda (u area and core stack), data, stack —
	// in block moves. V6++ copies a byte at a time, remapping a page table
	// entry per byte.
	hw.CopyBytes(PhysToVirt(addr), PhysToVirt(parent.p_addr), USIZE)
	hw.CopyBytes(PhysToVirt(addr+USIZE), PhysToVirt(dataAddr), dataSize)

	// The copy's u area must describe the child.
	cu := (*User)(unsafe.Pointer(PhysToVirt(addr)))
	cu.u_procp = child
	EstablishUserPageTable(child, &cu.u_MemoryDescriptor)

	child.p_stat = SRUN
	return 0
}

// cloneEntry fills slot as a child of parent (Process::Clone): a fresh pid,
// priority 0 so the child wins the next Select, the parent's text and
// files shared. The caller gives it memory.
func (pm *ProcessManager) cloneEntry(slot int32, parent *Process) *Process {
	u := GetUser()
	child := &pm.process[slot]
	child.p_stat = SIDL
	if slot >= pm.high {
		pm.high = slot + 1
	}
	pm.lastNew = slot
	child.p_flag = SLOAD
	child.p_uid = parent.p_uid
	child.p_pid = pm.NextUniquePid()
	child.p_ppid = parent.p_pid
	child.p_nice = parent.p_nice
	child.p_textp = parent.p_textp
	child.p_pri = 0
	child.p_time = 0
	child.p_space = nil
	child.p_xsig = 0
	if child.p_textp != nil {
		child.p_textp.x_count++
	}
	for fd := 0; fd < NOFILES; fd++ {
		if f := u.u_ofiles[fd]; f != nil {
			f.f_count++
		}
	}
	if u.u_cdir != nil {
		u.u_cdir.i_count++ // the child's current directory (V6++ Clone)
	}
	return child
}

// Swtch gives the processor to the best runnable process (ProcessManager::
// Swtch). It saves this context, moves to process 0's stack to run Select
// there, then restores the chosen process's context and returns 1 on *its*
// stack — into whatever function called SaveU there last: Swtch itself for
// a process that slept, NewProc for a child's first run.
//
// Between rewriting the ppda mapping and RetU nothing may touch the stack:
// the stack is in the ppda page, which has just changed under us. So the
// switch is written out with intrinsics only (V6++ uses macros), its
// operands loaded beforehand, and RetU reads u_rsav at its fixed address.
// After RetU the frame is the other process's: no locals are used, only
// constants and globals.
func (pm *ProcessManager) Swtch() int32 {
	u := GetUser()
	hw.SaveU(&u.u_rsav)
	tracePoint(TRACE_SWTCH_OUT, 0)

	// Onto process 0's stack, at the frame it saved in its own Swtch.
	pte := kernelPTE(USER_ADDRESS)
	proc0 := &pm.process[0]
	ppda, pgdir := proc0.p_addr|PG_P|PG_W, proc0.p_pgdir
	hw.Cli()
	*pte = ppda
	hw.SetCR3(pgdir)
	hw.RetU((*[2]uintptr)(unsafe.Pointer(uintptr(USER_ADDRESS))))
	hw.Sti()

	// Running as process 0 (pm is the same in its frame): choose.
	selected := pm.Select()

	pte = kernelPTE(USER_ADDRESS)
	ppda, pgdir = selected.p_addr|PG_P|PG_W, selected.p_pgdir
	hw.Cli()
	*pte = ppda
	hw.SetCR3(pgdir)
	hw.RetU((*[2]uintptr)(unsafe.Pointer(uintptr(USER_ADDRESS))))
	hw.Sti()

	// On the selected process's stack, in the frame of the function that
	// saved it. (V6++ checks SSWAP here to restore u_ssav after a swap-in;
	// v6vm does not swap.)
	tracePoint(TRACE_SWTCH_IN, 0)
	return 1
}

// Select returns the runnable, loaded process with the smallest p_pri,
// scanning from the slot after the last choice so that ties go round; with
// nothing to run it halts until an interrupt makes something runnable
// (ProcessManager::Select). It runs as process 0.
func (pm *ProcessManager) Select() *Process {
	for {
		pm.RunRun = 0
		var best *Process
		bestPri := int32(256)
		bestSlot := int32(0)
		// The scan order: lastSelect+1 up to the end, then from slot 0
		// round to lastSelect ((lastSelect+1+count) % NPROC in V6++).
		for i := pm.lastSelect + 1; i < pm.high; i++ {
			p := &pm.process[i]
			if p.p_stat == SRUN && p.p_flag&SLOAD != 0 && p.p_pri < bestPri {
				best, bestPri, bestSlot = p, p.p_pri, i
			}
		}
		for i := int32(0); i <= pm.lastSelect && i < pm.high; i++ {
			p := &pm.process[i]
			if p.p_stat == SRUN && p.p_flag&SLOAD != 0 && p.p_pri < bestPri {
				best, bestPri, bestSlot = p, p.p_pri, i
			}
		}
		if best != nil {
			pm.SwtchNum++
			pm.CurPri = bestPri
			tracePoint(TRACE_SELECT, uintptr(unsafe.Pointer(best)))
			pm.lastSelect = bestSlot
			return best
		}
		tracePoint(TRACE_IDLE, 0)
		hw.Hlt() // interrupts are on: the clock or a device wakes someone
	}
}

// Sched is process 0's life after boot (ProcessManager::Sched). V6++ swaps
// processes in and out here; v6vm keeps every process in core, so process
// 0 only sleeps, and runs Select on behalf of everyone in Swtch.
func (pm *ProcessManager) Sched() {
	for {
		pm.RunOut++
		pm.process[0].Sleep(uintptr(unsafe.Pointer(&pm.RunOut)), PSWP)
	}
}

// Sleep blocks the running process on chan (Process::Sleep). Above
// priority 0 the sleep is interruptible: a pending signal aborts it through
// u_qsav to Trap1, which fails the call with EINTR.
func (p *Process) Sleep(chan_ uintptr, pri int32) {
	u := GetUser()
	pm := &ProcMgr
	if pri > 0 {
		if p.IsSig() {
			hw.ARetU(&u.u_qsav)
			return // the caller's frame is Trap1's now: this returns there
		}
		hw.Cli()
		p.p_wchan = chan_
		p.p_stat = SWAIT
		p.p_pri = pri
		hw.Sti()
		tracePoint(TRACE_SLEEP, chan_)
		pm.Swtch()
		if p.IsSig() {
			hw.ARetU(&u.u_qsav)
			return
		}
		return
	}
	hw.Cli()
	p.p_wchan = chan_
	p.p_stat = SSLEEP
	p.p_pri = pri
	hw.Sti()
	tracePoint(TRACE_SLEEP, chan_)
	pm.Swtch()
}

// WakeUpAll makes every process sleeping on chan runnable
// (ProcessManager::WakeUpAll).
func (pm *ProcessManager) WakeUpAll(chan_ uintptr) {
	for i := int32(0); i < pm.high; i++ {
		p := &pm.process[i]
		if (p.p_stat == SSLEEP || p.p_stat == SWAIT) && p.p_wchan == chan_ {
			p.SetRun()
		}
	}
}

// SetRun makes p runnable and asks for a reschedule if it deserves the
// processor more than the running process did when chosen (Process::SetRun).
func (p *Process) SetRun() {
	pm := &ProcMgr
	p.p_wchan = 0
	p.p_stat = SRUN
	tracePoint(TRACE_WAKEUP, uintptr(unsafe.Pointer(p)))
	if p.p_pri < pm.CurPri {
		pm.RunRun++
	}
}

// SetPri recomputes a user priority from recent CPU use and niceness
// (Process::SetPri): p_cpu/16 + PUSER + p_nice, at most 255. A priority
// worse than the one the running process was chosen at asks for a
// reschedule — whichever process is being recomputed, as in V6++.
func (p *Process) SetPri() {
	pm := &ProcMgr
	pri := p.p_cpu/16 + PUSER + p.p_nice
	if pri > 255 {
		pri = 255
	}
	if pri > pm.CurPri {
		pm.RunRun++
	}
	p.p_pri = pri
}

// Fork is the fork system call (ProcessManager::Fork): the parent gets the
// child's pid, the child 0, each through the saved EAX of its own trap
// frame — the child's is in the copied core stack, at the same address.
func (pm *ProcessManager) Fork() {
	u := GetUser()
	slot := pm.freeSlotIndex() // the slot NewProc will take
	if slot < 0 {
		u.u_error = EAGAIN
		return
	}
	child := &pm.process[slot]
	var r int32
	if s := u.u_procp.p_space; cowMode && (s == nil || s.s_paged) {
		r = pm.NewProcCOW() // the --cow boot option (cow.go)
	} else {
		r = pm.NewProc()
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
	u.u_ar0.eax = uint32(child.p_pid)
}

// Exit ends the running process (Process::Exit): signals ignored, files
// closed, memory freed, the exit status kept in the process table for the
// parent's Wait, children given to init, the parent woken. It never
// returns: the final Swtch runs someone else, and nobody runs this again.
func (pm *ProcessManager) Exit(status int32) {
	u := GetUser()
	p := u.u_procp
	tracePoint(TRACE_EXIT, uintptr(status))
	for i := 0; i < NSIG; i++ {
		u.u_signal[i] = 1
	}
	for fd := 0; fd < NOFILES; fd++ {
		if f := u.u_ofiles[fd]; f != nil {
			u.u_ofiles[fd] = nil
			CloseF(f)
		}
	}
	if ip := u.u_cdir; ip != nil {
		u.u_cdir = nil
		ip.NLock()
		InodeTbl.IPut(ip)
	}
	XFree(p)

	// V6++ writes the u area to a swap block to keep the status and
	// times for Wait; we keep them in the process entry.
	p.p_xtime = u.u_utime + u.u_cutime + u.u_stime + u.u_cstime
	p.p_xstat = status

	// Free the image. We are still running on its ppda: nothing may
	// allocate memory before the Swtch below leaves it. A process sharing
	// an address space leaves it to the others (vfork.go).
	if p.p_space != nil {
		ReleaseSpace(p)
	} else {
		ReleasePaged(p)
		FreePageDirectory(p.p_pgdir)
	}
	CoreMap.Free(p.p_size, p.p_addr)
	p.p_stat = SZOMB

	parentFound := false
	for i := int32(0); i < pm.high; i++ {
		q := &pm.process[i]
		if q.p_pid == p.p_ppid && q.p_stat != SNULL && q != p {
			parentFound = true
			pm.WakeUpAll(uintptr(unsafe.Pointer(q)))
			if p.p_xsig != 0 {
				q.PSignal(p.p_xsig) // clone's exit signal (ours)
			}
		}
	}
	if !parentFound {
		p.p_ppid = 1
		pm.WakeUpAll(uintptr(unsafe.Pointer(&pm.process[1])))
	}
	for i := int32(0); i < pm.high; i++ {
		q := &pm.process[i]
		if q.p_ppid == p.p_pid && q.p_stat != SNULL {
			q.p_ppid = 1
			if q.p_stat == SZOMB {
				pm.WakeUpAll(uintptr(unsafe.Pointer(&pm.process[1])))
			}
		}
	}
	pm.Swtch()
	Panic("Exit: a zombie ran")
}

// Wait collects a zombie child (ProcessManager::Wait): its pid in EAX, its
// wait status stored through statusp unless that is 0. With children but no
// zombie it sleeps on its own process entry at PWAIT; with no children it
// fails with ECHILD. pid > 0 waits for that child only (waitpid; V6++'s
// wait takes no pid).
func (pm *ProcessManager) Wait(pid int32, statusp uintptr) {
	u := GetUser()
	for {
		found := false
		for i := int32(0); i < pm.high; i++ {
			p := &pm.process[i]
			if p.p_ppid != u.u_procp.p_pid || p.p_stat == SNULL || (pid > 0 && p.p_pid != pid) {
				continue
			}
			found = true
			if p.p_stat != SZOMB {
				continue
			}
			if statusp != 0 && !CopyOut(statusp, uintptr(unsafe.Pointer(&p.p_xstat)), 4) {
				return // EFAULT; the zombie stays for another try
			}
			u.u_ar0.eax = uint32(p.p_pid)
			u.u_cutime += p.p_xtime
			p.p_pid = 0
			p.p_ppid = -1
			p.p_sig = 0
			p.p_flag = 0
			p.p_textp = nil
			pm.freeSlot(p)
			return
		}
		if !found {
			u.u_error = ECHILD
			return
		}
		u.u_procp.Sleep(uintptr(unsafe.Pointer(u.u_procp)), PWAIT)
	}
}

// setComm records a command name in the u area (for ps and traces).
func setComm(u *User, name string) {
	n := 0
	for n < len(name) && n < len(u.u_comm)-1 {
		u.u_comm[n] = name[n]
		n++
	}
	for n < len(u.u_comm) {
		u.u_comm[n] = 0
		n++
	}
}
