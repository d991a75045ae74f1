//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// Routines in entry.s.

// vectorEntry returns the address of the entry stub for vector v, or 0.
func vectorEntry(v int32) uint32

// icodeStart and icodeEnd delimit icode, the user-mode program process 1
// starts with: it asks for exec of init (V6++'s ExecShell).
func icodeStart() uint32
func icodeEnd() uint32

// MoveToUserStack enters user mode at eip with stack pointer esp, by
// building an interrupt frame and executing iret (V6++ MoveToUserStack).
func MoveToUserStack(eip, esp uint32)

// The gate table (V6++ IDT), 256 gates of 8 bytes.
var idt [256][2]uint32

// InitIDT fills the vector table from entry.s's stubs: exceptions and
// interrupts through interrupt gates, int 0x80 through a trap gate that
// user mode may use (V6++ IDT setup in main0).
func InitIDT() {
	for v := int32(0); v < 256; v++ {
		addr := vectorEntry(v)
		if addr == 0 {
			continue
		}
		flags := uint32(GATE_PRESENT)
		if v == 0x80 {
			flags |= GATE_TRAP | GATE_USER
		}
		idt[v][0] = addr
		idt[v][1] = flags
	}
	hw.SetIDTR(uint32(uintptr(unsafe.Pointer(&idt))))
}

// Main0 is where entry.s's boot code arrives, on process 0's stack with the
// kernel mapped (V6++ main0 and Kernel::Initialize). It sets up the
// machine, makes itself process 0 and creates process 1 with NewProc —
// which returns twice: 0 here, in process 0, which goes on to Sched, and
// 1 in process 1, which becomes init.
func Main0() {
	bi := bootImage()
	memSize := uint32(32 << 20)
	period, jitter := uint32(20000), uint32(0)
	if bi.magic == BOOT_MAGIC {
		memSize, period, jitter = bi.memSize, bi.tickPeriod, bi.tickJitter
		cowMode = bi.flags&BOOT_COW != 0
		ttyEcho = bi.flags&BOOT_NOECHO == 0
	}
	nKernelPT = (memSize + 0x3FFFFF) >> 22
	// Boot's identity map of low memory is not needed any more. Its
	// translations are global (the tables are the kernel's), which a cr3
	// write would keep: a cr0 write drops everything. So must the ppda's,
	// the one kernel page that differs between processes: each switch
	// remaps it and relies on the cr3 write to forget the old mapping.
	pd := PhysToVirt(KERNEL_PD)
	for i := uint32(0); i < nKernelPT; i++ {
		*(*uint32)(unsafe.Pointer(pd + uintptr(i)*4)) = 0
	}
	*kernelPTE(USER_ADDRESS) &^= PG_G
	hw.SetCR0(hw.CR0())

	InitIDT()
	hw.SetESP0(CORE_STACK)
	hw.OutW(PORT_PIC_MASK, 0xFFFF&^(1<<0|1<<1|1<<IRQ_DISK)) // the clock, the console and the disk
	hw.OutL(PORT_JITTER, jitter)
	hw.OutL(PORT_TIMER, period)
	hw.OutB(PORT_CON_CTL, 1)
	bootTime = hw.InL(PORT_RTC)

	CoreMap.m_Map[0] = MapNode{0, 0}
	CoreMap.free = 0
	CoreMap.Free(memSize-USER_POOL, USER_POOL)

	ProcMgr.SetupProcessZero()
	OpenConsole()
	BufMgr.Initialize()
	tracePoint(TRACE_BOOT, uintptr(unsafe.Pointer(&ProcMgr)))
	hw.Sti()
	// The root file system (V6++ main0: LoadSuperBlock, then the root
	// inode as process 0's current directory, inherited by everyone).
	// Process 0 sleeps on the buffers like anyone else: Select idles
	// until the disk interrupt wakes it.
	if FS.LoadSuperBlock() {
		u := GetUser()
		u.u_cdir = FS.rootInode
		u.u_cdir.i_count++
	}

	if ProcMgr.NewProc() != 0 {
		StartInit() // process 1; does not return
	}
	ProcMgr.Sched()
}

// StartInit turns process 1 into a user process running icode, which
// exec's init with the boot command line as its arguments. icode is copied
// to the start of a one-page data segment; argv is laid out after it.
func StartInit() {
	u := GetUser()
	p := u.u_procp
	setComm(u, "init")
	md := &u.u_MemoryDescriptor
	if !Expand(USIZE + 2*PAGE_SIZE) {
		Panic("StartInit: no memory for init")
	}
	md.m_DataStartAddress = USER_TEXT_START
	md.m_DataSize = PAGE_SIZE
	md.m_StackSize = PAGE_SIZE
	EstablishUserPageTable(p, md)
	hw.FlushTLB()

	start, end := icodeStart(), icodeEnd()
	hw.CopyBytes(USER_TEXT_START, uintptr(start), end-start)

	// argv at +0x400, its strings from +0x600: the words of the command
	// line, or just "/init".
	const argvAt, strAt = USER_TEXT_START + 0x400, USER_TEXT_START + 0x600
	cmd := &bootImage().cmdline
	if bootImage().magic != BOOT_MAGIC || cmd[0] == 0 {
		copy5 := "/init"
		for i := 0; i < len(copy5); i++ {
			cmd[i] = copy5[i]
		}
		cmd[len(copy5)] = 0
	}
	argc := uint32(0)
	s := uint32(strAt)
	i := 0
	for i < len(cmd) && cmd[i] != 0 && argc < 64 {
		for i < len(cmd) && cmd[i] == ' ' {
			i++
		}
		if i == len(cmd) || cmd[i] == 0 {
			break
		}
		*(*uint32)(unsafe.Pointer(uintptr(argvAt + argc*4))) = s
		argc++
		for i < len(cmd) && cmd[i] != 0 && cmd[i] != ' ' {
			*(*byte)(unsafe.Pointer(uintptr(s))) = cmd[i]
			s++
			i++
		}
		*(*byte)(unsafe.Pointer(uintptr(s))) = 0
		s++
	}
	*(*uint32)(unsafe.Pointer(uintptr(argvAt + argc*4))) = 0
	MoveToUserStack(USER_TEXT_START, USER_SPACE_SIZE)
}
