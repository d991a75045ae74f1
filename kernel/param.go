//go:build v6vm

// Package kernel is UNIX V6++'s kernel ported to Go: the process manager,
// traps and system calls, the clock and scheduler, memory, exec, signals and
// the console. It is written in the Go subset that tools/kgo compiles and
// runs on the v6vm machine, on per-process core stacks; the build tag keeps
// the host's Go toolchain away from it.
//
// Names follow V6++ (ProcessManager.NewProc, Swtch, Process.SetPri,
// User.u_rsav, ...); each function says which V6++ function it ports and
// where it departs from it.
package kernel

// System parameters (V6++ ProcessManager.h, User.h, Kernel.h).
const (
	NPROC = 100 // process table size
	NTEXT = 50  // shared text segments
	NEXEC = 10  // simultaneous execs
	NSIG  = 32  // signals

	USIZE = 0x1000 // the ppda page: User at the bottom, the core stack above

	// Kernel virtual memory maps physical memory from address 0 at
	// KERNEL_BASE (V6++ maps the first 4 MiB; we map all of it, so the
	// kernel can copy any image with one block move). The page
	// 0xC03FF000 is the exception: it shows the running process's ppda.
	KERNEL_BASE  = 0xC0000000
	USER_ADDRESS = 0xC03FF000 // Kernel::USER_ADDRESS: the current u area
	CORE_STACK   = 0xC0400000 // TSS.ESP0: the top of every core stack

	// Physical memory layout.
	KERNEL_PD                 = 0x200000 // kernel page directory (process 0's)
	KERNEL_PT                 = 0x201000 // kernel page tables, one per 4 MiB of memory
	BOOT_IMAGE                = 0x300000 // programs placed by the loader until the file system exists
	PROCESS_ZERO_PPDA_ADDRESS = 0x3FF000
	USER_POOL                 = 0x400000 // coremap: images, texts, page tables

	// User virtual memory: 0–8 MiB, as V6++. Page 0 is left unmapped so
	// a null pointer faults (V6++ keeps its runtime stub there).
	USER_SPACE_SIZE = 0x800000
	USER_TEXT_START = 0x1000
	PAGE_SIZE       = 0x1000
)

// Priorities (ProcessManager.h). Smaller is better; sleeps at a priority
// above 0 can be interrupted by signals.
const (
	PSWP   = -100
	PINOD  = -90
	PRIBIO = -50
	EXPRI  = -1
	PPIPE  = 1
	TTIPRI = 10
	TTOPRI = 20
	PWAIT  = 40
	PSLEP  = 90
	PUSER  = 100
)

// Process states (Process::ProcessState).
const (
	SNULL  = 0 // free slot
	SSLEEP = 1 // high-priority sleep
	SWAIT  = 2 // low-priority sleep, interruptible
	SRUN   = 3
	SIDL   = 4 // being created
	SZOMB  = 5
	SSTOP  = 6
)

// Process flags (Process::ProcessFlag).
const (
	SLOAD = 0x1 // in core
	SSYS  = 0x2 // never swapped (process 0)
	SLOCK = 0x4
	SSWAP = 0x8
)

// Clock (Time.h): HZ ticks make a kernel second; SCHMAG is taken off p_cpu
// every second.
const (
	HZ     = 120
	SCHMAG = 20
)

// Error numbers (User::ErrorCode, Linux values).
const (
	EPERM   = 1
	ENOENT  = 2
	ESRCH   = 3
	EINTR   = 4
	EIO     = 5
	ENXIO   = 6
	E2BIG   = 7
	ENOEXEC = 8
	EBADF   = 9
	ECHILD  = 10
	EAGAIN  = 11
	ENOMEM  = 12
	EACCES  = 13
	EFAULT  = 14
	EBUSY   = 16
	EEXIST  = 17
	ENOTDIR = 20
	EISDIR  = 21
	EINVAL  = 22
	ENFILE  = 23
	EMFILE  = 24
	ENOTTY  = 25
	EFBIG   = 27
	ENOSPC  = 28
	ESPIPE  = 29
	EPIPE   = 32
	ENOSYS  = 100
)

// Signals (User.h); numbers as V6++ and Linux.
const (
	SIGHUP  = 1
	SIGINT  = 2
	SIGQUIT = 3
	SIGILL  = 4
	SIGTRAP = 5
	SIGABRT = 6
	SIGBUS  = 7
	SIGFPE  = 8
	SIGKILL = 9
	SIGUSR1 = 10
	SIGSEGV = 11
	SIGUSR2 = 12
	SIGPIPE = 13
	SIGALRM = 14
	SIGTERM = 15
	SIGCHLD = 17
)

// Machine: I/O ports and EFLAGS/paging bits (docs/machine.md, docs/isa.md).
const (
	PORT_PIC_EOI  = 0x20
	PORT_PIC_MASK = 0x21
	PORT_TIMER    = 0x40
	PORT_JITTER   = 0x41
	PORT_RTC      = 0x70
	PORT_POWER    = 0xF4
	PORT_CON_DATA = 0x3F8
	PORT_CON_STAT = 0x3F9
	PORT_CON_CTL  = 0x3FA

	EFLAGS_IF = 1 << 9
	EFLAGS_UM = 1 << 17

	PG_P = 1     // page-table entry: present
	PG_W = 2     // writable
	PG_U = 4     // user
	PG_G = 0x100 // global: a cr3 write keeps its translation (x86's G)

	GATE_PRESENT = 1
	GATE_TRAP    = 2
	GATE_USER    = 4
)

// Power-off status words the kernel reports to the host (v6vm run): the
// kind in the top byte, the detail below.
const (
	POWER_SHUTDOWN = 0x01000000 // shutdown(2): low byte is the status asked for
	POWER_PROGRAM  = 0x02000000 // init ran one program: low 16 bits are its wait status
	POWER_PANIC    = 0x03000000 // kernel panic
)
