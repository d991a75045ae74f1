//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// The small system calls (V6++ SystemCall::Sys_* and ProcessManager).

// Rexit is exit(status): the wait status of a normal exit is the low byte
// of status shifted up by 8 (SystemCall::Sys_Rexit).
func Rexit() {
	u := GetUser()
	ProcMgr.Exit((u.u_arg[0] & 0xFF) << 8)
}

// Sys_Fork is fork() (SystemCall::Sys_Fork).
func Sys_Fork() { ProcMgr.Fork() }

// Sys_Wait is wait(&status) (SystemCall::Sys_Wait).
func Sys_Wait() {
	u := GetUser()
	ProcMgr.Wait(-1, uintptr(u.u_arg[0]))
}

// Sys_Waitpid is waitpid(pid, &status, options) (ours).
func Sys_Waitpid() {
	u := GetUser()
	ProcMgr.Wait(u.u_arg[0], uintptr(u.u_arg[1]))
}

// Getpid is getpid() (SystemCall::Sys_Getpid).
func Getpid() {
	u := GetUser()
	u.u_ar0.eax = uint32(u.u_procp.p_pid)
}

// Getppid is getppid() (ours).
func Getppid() {
	u := GetUser()
	u.u_ar0.eax = uint32(u.u_procp.p_ppid)
}

// Gtime is time(): seconds since 1970 (SystemCall::Sys_Gtime).
func Gtime() {
	GetUser().u_ar0.eax = bootTime + time_
}

// bootTime is the real-time clock at boot.
var bootTime uint32

// Getswtch returns the number of context switches so far (Sys_Getswtch).
func Getswtch() {
	GetUser().u_ar0.eax = uint32(ProcMgr.SwtchNum)
}

// Nice sets the caller's niceness (ProcessManager::Nice): at most 20, and
// below 0 only for root.
func Nice() {
	u := GetUser()
	n := u.u_arg[0]
	if n > 20 {
		n = 20
	}
	if n < 0 && u.u_uid != 0 {
		u.u_error = EPERM
		return
	}
	u.u_procp.p_nice = n
	u.u_ar0.eax = uint32(n) // the new niceness, not V6++'s leftover call number
}

// Times stores the caller's and its reaped children's clock ticks in user
// and kernel mode (SystemCall::Sys_Times).
func Times() {
	u := GetUser()
	t := [4]int32{u.u_utime, u.u_stime, u.u_cutime, u.u_cstime}
	CopyOut(uintptr(u.u_arg[0]), uintptr(unsafe.Pointer(&t)), 16)
}

// Sbreak is brk(addr) (SystemCall::Sys_Sbreak): move the end of the data
// segment to addr, growing or shrinking the image; brk(0) asks. The break
// comes back in EAX; ENOMEM if memory is short or the data would run into
// the stack.
func Sbreak() {
	u := GetUser()
	md := &u.u_MemoryDescriptor
	want := uint32(u.u_arg[0])
	if want == 0 {
		u.u_ar0.eax = u.u_brk
		return
	}
	if want < md.m_DataStartAddress || want > USER_SPACE_SIZE-md.m_StackSize-PAGE_SIZE || u.u_procp.p_space != nil {
		// (A process sharing its address space cannot resize it.)
		u.u_error = ENOMEM
		return
	}
	newData := pageRound(want - md.m_DataStartAddress)
	if p := u.u_procp; p.p_flag&SPAGED != 0 && newData != md.m_DataSize {
		// A paged process (cow.go) grows and shrinks page by page.
		end := md.m_DataStartAddress + md.m_DataSize
		if newData > md.m_DataSize {
			if !growPaged(p, end, (newData-md.m_DataSize)/PAGE_SIZE) {
				u.u_error = ENOMEM
				return
			}
		} else {
			shrinkPaged(p, md.m_DataStartAddress+newData, (md.m_DataSize-newData)/PAGE_SIZE)
		}
		md.m_DataSize = newData
	}
	if newData != md.m_DataSize {
		p := u.u_procp
		if !Expand(p.p_size - md.m_DataSize + newData) {
			u.u_error = ENOMEM
			return
		}
		md.m_DataSize = newData
		EstablishUserPageTable(p, md)
		hw.FlushTLB()
	}
	u.u_brk = want
	u.u_ar0.eax = want
}

// Shutdown powers the machine off (ours; V6++'s shutdown program only
// syncs). how 0: a plain shutdown with status; how 1: init reporting the
// wait status of the one program `v6vm run` asked it to run.
func Shutdown() {
	u := GetUser()
	FS.Update() // nothing written may be lost (V6++'s shutdown program syncs)
	kind := uint32(POWER_SHUTDOWN)
	status := uint32(u.u_arg[1]) & 0xFF
	if u.u_arg[0] == 1 {
		kind = POWER_PROGRAM
		status = uint32(u.u_arg[1]) & 0xFFFF
	}
	hw.Cli()
	hw.OutL(PORT_POWER, kind|status)
	for {
		hw.Hlt()
	}
}

// ProcInfo is one process as getproc reports it to ps (ours: V6++'s ps
// has no system call and is not in the course distribution).
type ProcInfo struct {
	pid, ppid, stat, flag int32
	pri, cpu, nice, time  int32
	size, wchan           uint32
	comm                  [16]byte
}

// Getproc is getproc(slot, &info): it fills info for process-table slot
// and returns 1, or 0 for a free slot; -1 (EINVAL) past the table.
func Getproc() {
	u := GetUser()
	slot := u.u_arg[0]
	if slot < 0 || slot >= NPROC {
		u.u_error = EINVAL
		return
	}
	p := &ProcMgr.process[slot]
	var info ProcInfo
	if p.p_stat != SNULL {
		info = ProcInfo{pid: p.p_pid, ppid: p.p_ppid, stat: p.p_stat, flag: p.p_flag,
			pri: p.p_pri, cpu: p.p_cpu, nice: p.p_nice, time: p.p_time,
			size: p.p_size, wchan: uint32(p.p_wchan)}
		var comm *[16]byte
		switch {
		case p == u.u_procp:
			comm = &u.u_comm
		case slot == 0:
			// Process 0's ppda is physical 0x3FF000, whose kernel
			// address is the running process's u area: name it.
			setComm16(&info.comm, "swapper")
		case p.p_stat != SZOMB:
			comm = &(*User)(unsafe.Pointer(PhysToVirt(p.p_addr))).u_comm
		}
		if comm != nil {
			info.comm = *comm
		}
	}
	if !CopyOut(uintptr(u.u_arg[1]), uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info))) {
		return
	}
	if p.p_stat != SNULL {
		u.u_ar0.eax = 1
	} else {
		u.u_ar0.eax = 0
	}
}

func setComm16(dst *[16]byte, s string) {
	for i := 0; i < len(dst); i++ {
		dst[i] = 0
		if i < len(s) {
			dst[i] = s[i]
		}
	}
}
