package trace

import (
	"fmt"
	"strings"

	"v6vm/v6vm"
)

// Frame is one frame of a core stack.
type Frame struct {
	PC    uint32     `json:"pc"`   // where the function is (for callers: the call instruction)
	Func  string     `json:"func"` // symbol+offset
	File  string     `json:"file,omitempty"`
	Line  int        `json:"line,omitempty"`
	EBP   uint32     `json:"ebp"` // the frame pointer (core-stack virtual address)
	Trap  *TrapFrame `json:"trap,omitempty"`
	Saved bool       `json:"saved,omitempty"` // the frame SaveU recorded in u_rsav (resumption point)

	// The two words the frame pointer points at: the caller's EBP and
	// the return address into the caller (both 0 for an entry stub's
	// frame, which has the trap frame instead).
	SavedEBP uint32 `json:"saved_ebp,omitempty"`
	Ret      uint32 `json:"ret,omitempty"`

	// OnFrameOf names the function that owns the frame when the code
	// running is another's: Swtch after RetU onto NewProc's frame.
	OnFrameOf string `json:"on_frame_of,omitempty"`
}

// TrapFrame is the user context an entry stub saved: what the process will
// see when it returns to user mode.
type TrapFrame struct {
	Stub     string `json:"stub"`
	EIP      uint32 `json:"eip"`
	EFLAGS   uint32 `json:"eflags"`
	ESP      uint32 `json:"esp,omitempty"`
	EAX      uint32 `json:"eax"`
	EBX      uint32 `json:"ebx"`
	ECX      uint32 `json:"ecx"`
	EDX      uint32 `json:"edx"`
	ESI      uint32 `json:"esi"`
	EDI      uint32 `json:"edi"`
	EBP      uint32 `json:"ebp"`
	FromUser bool   `json:"from_user"`
}

// The entry stubs of kernel/entry.s, where a core stack begins.
var entryStubs = map[string]bool{
	"SystemCallEntrance": true, "TimeInterruptEntrance": true,
	"ConsoleInterruptEntrance": true, "ExceptionCommon": true,
}

// stackReader reads a core stack: the running one through the mapped ppda,
// another process's through its image in physical memory.
type stackReader struct {
	m    *v6vm.Machine
	phys bool   // read physical memory at base
	base uint32 // address of the ppda's first byte
}

func (s stackReader) word(va uint32) (uint32, bool) {
	if va < userAddress || va > userAddress+usize-4 {
		return 0, false
	}
	var b []byte
	var err error
	if s.phys {
		b, err = s.m.ReadPhys(s.base+va-userAddress, 4)
	} else {
		b, err = s.m.ReadVirt(0, s.base+va-userAddress, 4)
	}
	if err != nil || len(b) < 4 {
		return 0, false
	}
	return le32(b, 0), true
}

// walk follows the EBP chain from (pc, bp).
func (k *Kernel) walk(s stackReader, pc, bp uint32) []Frame {
	var frames []Frame
	for depth := 0; depth < 64; depth++ {
		f := Frame{PC: pc, EBP: bp}
		f.Func = k.Exe.Symbolize(pc)
		if f.Func == "" {
			f.Func = fmt.Sprintf("%#x", pc)
		}
		f.File, f.Line, _ = k.Exe.LineAt(pc)
		sym, _, _ := k.Exe.SymbolAt(pc)
		if entryStubs[sym.Name] {
			f.Trap = k.trapFrame(s, sym.Name, bp)
			frames = append(frames, f)
			break
		}
		frames = append(frames, f)
		nbp, ok1 := s.word(bp)
		ret, ok2 := s.word(bp + 4)
		if !ok1 || !ok2 || ret == 0 {
			break
		}
		frames[len(frames)-1].SavedEBP, frames[len(frames)-1].Ret = nbp, ret
		pc, bp = ret-1, nbp // -1: name the call, not the instruction after it
	}
	return frames
}

func (k *Kernel) trapFrame(s stackReader, stub string, bp uint32) *TrapFrame {
	w := func(off int32) uint32 { v, _ := s.word(uint32(int32(bp) + off)); return v }
	t := &TrapFrame{Stub: stub, EAX: w(-4), EDI: w(-12), ESI: w(-16), EDX: w(-20), ECX: w(-24), EBX: w(-28), EBP: w(0)}
	ctx := int32(4)
	if stub == "ExceptionCommon" {
		ctx = 12 // vector and error code first
	}
	t.EIP, t.EFLAGS = w(ctx), w(ctx+4)
	t.FromUser = t.EFLAGS&(1<<17) != 0
	if t.FromUser {
		t.ESP = w(ctx + 8)
	}
	return t
}

// RunningStack is the core stack of the running process, from the caller
// of the function executing now (skip frames skips that many more: 1 to
// leave out tracePoint itself).
func (k *Kernel) RunningStack(m *v6vm.Machine, skip int) []Frame {
	r := m.Regs()
	s := stackReader{m: m, base: userAddress}
	frames := k.walk(s, r.EIP, r.R[5])
	if skip < len(frames) {
		frames = frames[skip:]
	}
	return frames
}

// SwitchedInStack is the running process's stack just after Swtch's RetU,
// called from the trace point in Swtch. Swtch's code is running on the
// frame RetU installed, which belongs to whichever function saved u_rsav:
// Swtch itself for a process that slept, NewProc for a child's first run —
// the frame its `return 1` leaves.
func (k *Kernel) SwitchedInStack(m *v6vm.Machine) []Frame {
	frames := k.RunningStack(m, 1)
	if len(frames) == 0 {
		return frames
	}
	s := stackReader{m: m, base: userAddress}
	owner := k.frameOwner(s, frames[0].EBP)
	if name := k.Exe.Symbolize(owner); name != "" && !strings.HasPrefix(frames[0].Func, name) {
		frames[0].OnFrameOf = name
	}
	return frames
}

// SavedStack is the core stack of a process that is not running, from the
// context SaveU recorded in its u_rsav: the frame its next Swtch will return
// through.
func (k *Kernel) SavedStack(m *v6vm.Machine, p Proc) []Frame {
	s := stackReader{m: m, phys: true, base: p.Addr}
	rsav, _ := m.ReadPhys(p.Addr+k.user["u_rsav"], 8)
	if len(rsav) < 8 {
		return nil
	}
	bp := le32(rsav, 4)
	// The function that called SaveU is the one owning that frame; its
	// return address names the caller. Name the frame by where SaveU
	// sits: read the return address and attribute the frame to the
	// function that contains the call.
	ret, ok := s.word(bp + 4)
	if !ok {
		return nil
	}
	owner := k.frameOwner(s, bp)
	nbp, _ := s.word(bp)
	frames := []Frame{{PC: owner, Func: k.Exe.Symbolize(owner), EBP: bp, Saved: true, SavedEBP: nbp, Ret: ret}}
	frames[0].File, frames[0].Line, _ = k.Exe.LineAt(owner)
	return append(frames, k.walk(s, ret-1, nbp)...)
}

// frameOwner names the function whose frame u_rsav records. A frame holds
// its caller's return address, not its own function, so we go by who calls
// it: this kernel saves u_rsav only in Swtch and NewProc, and NewProc is
// called only from Fork and Main0, which never call Swtch. So a frame
// returning into Fork or Main0 is NewProc's — a child that has not run yet
// — and any other is Swtch's.
func (k *Kernel) frameOwner(s stackReader, bp uint32) uint32 {
	ret, _ := s.word(bp + 4)
	caller, _, _ := k.Exe.SymbolAt(ret)
	name := "ProcessManager_Swtch"
	if caller.Name == "ProcessManager_Fork" || caller.Name == "Main0" {
		name = "ProcessManager_NewProc"
	}
	sym, _ := k.Exe.Lookup(name)
	return sym.Value
}

// FormatStack prints frames one per line, innermost first.
func FormatStack(frames []Frame, indent string) string {
	var b strings.Builder
	for i, f := range frames {
		loc := ""
		if f.File != "" {
			loc = fmt.Sprintf("  %s:%d", f.File, f.Line)
		}
		note := ""
		if f.Saved {
			note = "  (u_rsav: the frame Swtch's RetU restores)"
		}
		if f.OnFrameOf != "" {
			note = fmt.Sprintf("\n%s   running on %s's frame, restored from u_rsav: `return 1` leaves %s", indent, f.OnFrameOf, f.OnFrameOf)
		}
		fmt.Fprintf(&b, "%s#%d %-36s%s%s\n", indent, i, f.Func, loc, note)
		if t := f.Trap; t != nil {
			mode := "kernel"
			if t.FromUser {
				mode = fmt.Sprintf("user esp=%#x", t.ESP)
			}
			fmt.Fprintf(&b, "%s   trap frame: back to %s eip=%#x; saved eax=%d ebx=%#x ecx=%#x edx=%#x\n",
				indent, mode, t.EIP, int32(t.EAX), t.EBX, t.ECX, t.EDX)
		}
	}
	return b.String()
}
