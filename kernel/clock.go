//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// Time (V6++ Time.h): lbolt counts ticks within the current second, time
// counts seconds since boot plus the clock chip's epoch, tout is the
// earliest time a sleep(2) is waiting for.
var (
	lbolt int32
	time_ uint32
	tout  uint32
)

// Clock is the timer interrupt (Time::Clock), HZ times a kernel second.
// Each tick charges the running process — process 0 when idle — one p_cpu.
// Once a second, every process gets p_cpu -= SCHMAG and p_time++, user
// priorities are recomputed, and sleepers whose time has come are woken.
// The once-a-second work is put off while the tick interrupted a running
// process in kernel mode, as in V6++; later ticks retry it.
func Clock(regs *PtRegs, ctx *PtContext) {
	u := GetUser()
	pm := &ProcMgr
	cur := u.u_procp
	fromUser := ctx.FromUser()
	if fromUser {
		u.u_utime++
	} else {
		u.u_stime++
	}
	cur.p_cpu++
	if cur.p_cpu > 1024 {
		cur.p_cpu = 1024
	}
	lbolt++
	if lbolt < HZ {
		hw.OutB(PORT_PIC_EOI, 0)
		return
	}
	if !fromUser && cur.p_stat == SRUN && cur != &pm.process[0] {
		hw.OutB(PORT_PIC_EOI, 0)
		return
	}
	lbolt -= HZ
	time_++
	hw.OutB(PORT_PIC_EOI, 0)
	hw.Sti()
	if time_ == tout {
		pm.WakeUpAll(uintptr(unsafe.Pointer(&tout)))
	}
	for i := int32(0); i < pm.high; i++ {
		p := &pm.process[i]
		if p.p_stat == SNULL {
			continue
		}
		if p.p_time < 127 {
			p.p_time++
		}
		p.p_cpu -= SCHMAG
		if p.p_cpu < 0 {
			p.p_cpu = 0
		}
		if p.p_pri > PUSER {
			p.SetPri()
		}
	}
	tracePoint(TRACE_CLOCK, uintptr(time_))
	// Every few seconds, start writing the superblock and the delayed
	// blocks, as V6's update daemon's sync, idle or not: the buffer free list is only ever
	// changed with interrupts off, so no kernel code is half-way through it.
	if time_%FLUSH_SECONDS == 0 {
		FS.FlushSuper()
		BufMgr.Bflush(NODEV)
	}
	if fromUser {
		if cur.IsSig() {
			cur.PSig(ctx)
		}
		cur.SetPri()
	}
}

// Sslep is the sleep system call: sleep u_arg[0] kernel seconds (V6++
// SystemCall::Sys_Sslep). Sleepers share one channel, tout, set to the
// earliest wake-up time; each checks its own time when woken.
func Sslep() {
	u := GetUser()
	hw.Cli()
	wake := time_ + uint32(u.u_arg[0])
	for wake > time_ {
		if tout <= time_ || tout > wake {
			tout = wake
		}
		u.u_procp.Sleep(uintptr(unsafe.Pointer(&tout)), PSLEP)
		hw.Cli()
	}
	hw.Sti()
	u.u_ar0.eax = 0 // V6++ leaves the call number in EAX; C expects 0
}
