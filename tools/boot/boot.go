// Package boot runs a built system: it loads the kernel and the boot image
// into a machine, runs it, and says how the run ended — a shutdown, the
// wait status of the program init ran for `v6vm run`, or a kernel panic
// (with a symbolic backtrace read from the stack, as a debugger would).
package boot

import (
	"bytes"
	"fmt"
	"io"

	"v6vm/tools/build"
	"v6vm/v6vm"
	"v6vm/v6vm/exe"
)

// Options configure a run.
type Options struct {
	MemSize         uint32 // default 32 MiB
	TickPeriod      uint32 // instructions per clock tick; default DefaultTick
	TickJitter      uint32 // default DefaultJitter
	Seed            uint64
	TickPhase       uint32 // delays the first tick by this many instructions (v6vm.Config.TickPhase)
	MaxInstructions uint64
	Console         io.Writer // the console (program output)
	Log             io.Writer // kernel messages; nil keeps them for Result.Log
	Input           []byte
	CloseInput      bool // the input ends after Input: the kernel's readers get EOF
	COW             bool // copy-on-write fork (the kernel's --cow option)
	NoEcho          bool // the console does not echo Input (it comes from a file)
	InputFlow       bool // Input waits for the kernel to be ready for it (v6vm.Config.InputFlow)
	Hooks           v6vm.Hooks
	Disk            []byte // the disk image, read and written in place; nil: no disk
	DiskLatency     uint64 // instructions per disk transfer; 0: the machine's default
	Memory          []byte // physical memory to use (v6vm.Config.Memory), zeroed; nil allocates it

	// For interactive runs (v6vm boot on a terminal); see v6vm.Config.
	Idle      func(m *v6vm.Machine, next uint64)
	Poll      func(m *v6vm.Machine)
	PollEvery uint64
}

// Clock defaults: a tick every 10,000 to 20,000 instructions, the extra
// drawn from the seed, so seeds move ticks across the code and give other
// interleavings.
const (
	DefaultTick   = 10000
	DefaultJitter = 10000
)

// How a run ended.
const (
	Shutdown = iota + 1 // shutdown(): Status is what it asked for
	Program             // init reported the wait status of the program it ran
	Panic               // the kernel panicked
	Stopped             // the machine stopped otherwise (Err says why)
)

// Power-off words (kernel/param.go).
const (
	powerShutdown = 0x01000000
	powerProgram  = 0x02000000
	powerPanic    = 0x03000000
)

// Result is how a run ended.
type Result struct {
	Kind      int
	Status    int // Shutdown: the status; Program: the wait status
	Err       error
	Log       string // kernel messages, when Options.Log was nil
	Backtrace string // Panic: the kernel stack, symbolically
	Icount    uint64
}

// ExitCode is what a shell would report for the run: the program's exit
// status, or 128+signal if a signal killed it; 1 for anything else.
func (r *Result) ExitCode() int {
	switch r.Kind {
	case Shutdown:
		return r.Status
	case Program:
		if sig := r.Status & 0x7F; sig != 0 {
			return 128 + sig
		}
		return r.Status >> 8 & 0xFF
	}
	return 1
}

func (r *Result) String() string {
	switch r.Kind {
	case Shutdown:
		return fmt.Sprintf("shutdown (status %d)", r.Status)
	case Program:
		if sig := r.Status & 0x7F; sig != 0 {
			return fmt.Sprintf("program killed by signal %d", sig)
		}
		return fmt.Sprintf("program exited with status %d", r.Status>>8&0xFF)
	case Panic:
		return "kernel panic"
	}
	return fmt.Sprintf("machine stopped: %v", r.Err)
}

// New makes a machine with the kernel and boot image loaded, ready to Run.
func New(kernel *exe.File, cfg build.BootConfig, opt Options) (*v6vm.Machine, *bytes.Buffer, error) {
	if opt.MemSize == 0 {
		opt.MemSize = v6vm.DefaultMemSize
	}
	if opt.TickPeriod == 0 {
		opt.TickPeriod = DefaultTick
		if opt.TickJitter == 0 {
			opt.TickJitter = DefaultJitter
		}
	}
	cfg.MemSize, cfg.TickPeriod, cfg.TickJitter = opt.MemSize, opt.TickPeriod, opt.TickJitter
	cfg.COW = cfg.COW || opt.COW
	cfg.NoEcho = cfg.NoEcho || opt.NoEcho
	image, err := cfg.Bytes()
	if err != nil {
		return nil, nil, err
	}
	logBuf := new(bytes.Buffer)
	log := opt.Log
	if log == nil {
		log = logBuf
	}
	m := v6vm.New(v6vm.Config{
		MemSize: opt.MemSize, Disk: opt.Disk, DiskLatency: opt.DiskLatency, Console: opt.Console, Log: log, Input: opt.Input,
		Seed: opt.Seed, TickPhase: opt.TickPhase, MaxInstructions: opt.MaxInstructions, Memory: opt.Memory,
		Idle: opt.Idle, Poll: opt.Poll, PollEvery: opt.PollEvery, InputFlow: opt.InputFlow,
	})
	if opt.CloseInput {
		m.CloseInput()
	}
	if err := m.Load(kernel); err != nil {
		return nil, nil, err
	}
	copy(m.Memory()[build.BootImage:], image)
	m.Invalidate(build.BootImage, uint32(len(image)))
	m.SetHooks(opt.Hooks)
	return m, logBuf, nil
}

// Run boots the system and runs it to the end.
func Run(kernel *exe.File, cfg build.BootConfig, opt Options) (*Result, *v6vm.Machine, error) {
	m, logBuf, err := New(kernel, cfg, opt)
	if err != nil {
		return nil, nil, err
	}
	status, err := m.Run()
	r := &Result{Err: err, Icount: m.Icount, Log: logBuf.String()}
	word := uint32(status)
	switch {
	case err != nil:
		r.Kind = Stopped
	case word&0xFF000000 == powerShutdown:
		r.Kind, r.Status = Shutdown, int(word&0xFF)
	case word&0xFF000000 == powerProgram:
		r.Kind, r.Status = Program, int(word&0xFFFF)
	case word&0xFF000000 == powerPanic:
		r.Kind = Panic
		r.Backtrace = Backtrace(m, kernel)
	default:
		r.Kind, r.Err = Stopped, fmt.Errorf("powered off with unknown status %#x", word)
	}
	return r, m, nil
}

// Backtrace walks the EBP chain of the stack the CPU is on and names each
// frame from the kernel's symbols and line table (for a panic). An entry
// stub's frame holds the context it interrupted: from a fault in the kernel
// the walk goes on in the interrupted function, at the faulting instruction.
func Backtrace(m *v6vm.Machine, kernel *exe.File) string {
	var b bytes.Buffer
	word := func(va uint32) uint32 {
		w, err := m.ReadVirt(0, va, 4)
		if err != nil || len(w) < 4 {
			return 0
		}
		return uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24
	}
	regs := m.Regs()
	pc, bp := regs.EIP, regs.R[5]
	for depth := 0; depth < 32 && bp != 0; depth++ {
		name := kernel.Symbolize(pc)
		if name == "" {
			name = fmt.Sprintf("%#x", pc)
		}
		line := ""
		if file, n, ok := kernel.LineAt(pc); ok {
			line = fmt.Sprintf(" (%s:%d)", file, n)
		}
		fmt.Fprintf(&b, "  %s%s\n", name, line)
		sym, _, _ := kernel.SymbolAt(pc)
		if stub, ok := entryStubs[sym.Name]; ok {
			flags := word(bp + stub + 4)
			if flags&(1<<17) != 0 { // EFLAGS.UM: it came from user mode
				fmt.Fprintf(&b, "  (trap from user mode at eip %#x)\n", word(bp+stub))
				break
			}
			pc, bp = word(bp+stub), word(bp)
			fmt.Fprintf(&b, "  (trap in kernel mode)\n")
			continue
		}
		ret := word(bp + 4)
		if ret == 0 {
			break
		}
		pc, bp = ret-1, word(bp) // -1: name the call, not what follows it
	}
	return b.String()
}

// entryStubs are kernel/entry.s's trap entries, with the offset from their
// EBP to the interrupted EIP (exceptions push a vector and an error code).
var entryStubs = map[string]uint32{
	"SystemCallEntrance": 4, "TimeInterruptEntrance": 4,
	"ConsoleInterruptEntrance": 4, "DiskInterruptEntrance": 4, "ExceptionCommon": 12,
}
