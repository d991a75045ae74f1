package v6vm

import (
	"fmt"
	"io"
	"strings"

	"v6vm/v6vm/exe"
	"v6vm/v6vm/isa"
)

// Tracer prints a symbolic instruction trace: one line per instruction with
// virtual time, mode, address as symbol+offset, the disassembly and the
// registers the previous instruction changed, and one line per trap.
type Tracer struct {
	w     io.Writer
	syms  *exe.File // may be nil
	prev  Regs
	first bool
}

// NewTracer returns a tracer writing to w, naming addresses from f's symbols
// (f may be nil).
func NewTracer(w io.Writer, f *exe.File) *Tracer { return &Tracer{w: w, syms: f, first: true} }

// Hooks returns the hooks that drive the tracer.
func (t *Tracer) Hooks() Hooks { return Hooks{Step: t.step, Trap: t.trap} }

func (t *Tracer) symbolize(addr uint32) string {
	if t.syms == nil {
		return ""
	}
	return t.syms.Symbolize(addr)
}

func (t *Tracer) step(m *Machine) {
	r := m.Regs()
	t.changes(r)
	t.prev, t.first = r, false
	mode := "k"
	if m.User {
		mode = "u"
	}
	loc := fmt.Sprintf("%08x", r.EIP)
	if s := t.symbolize(r.EIP); s != "" {
		loc += " <" + s + ">"
	}
	fmt.Fprintf(t.w, "%10d %s %-32s %s\n", r.Icount, mode, loc, t.disasm(m, r.EIP))
}

// Flush prints the register changes of the last traced instruction.
func (t *Tracer) Flush(m *Machine) { t.changes(m.Regs()) }

func (t *Tracer) changes(r Regs) {
	if t.first {
		return
	}
	var diff []string
	for i := range r.R {
		if r.R[i] != t.prev.R[i] {
			diff = append(diff, fmt.Sprintf("%s=%08x", isa.RegNames32[i], r.R[i]))
		}
	}
	if r.EFLAGS != t.prev.EFLAGS {
		diff = append(diff, "eflags="+FlagString(r.EFLAGS))
	}
	if len(diff) > 0 {
		fmt.Fprintf(t.w, "%10s   %s\n", "", strings.Join(diff, " "))
	}
}

func (t *Tracer) disasm(m *Machine, eip uint32) string {
	b, err := m.ReadVirt(0, eip, 16)
	if err != nil && len(b) == 0 {
		return "(unmapped)"
	}
	in, derr := isa.Decode(b)
	if derr != nil {
		return fmt.Sprintf("(bad %x)", b[0])
	}
	return in.Format(eip, t.symbolize)
}

func (t *Tracer) trap(m *Machine, ti TrapInfo) {
	what := [...]string{TrapException: "exception", TrapSoftware: "int", TrapInterrupt: "interrupt"}[ti.Kind]
	extra := ""
	if ti.HasErr {
		extra = fmt.Sprintf(" err=%#x", ti.ErrCode)
	}
	if ti.Vector == isa.VecPage {
		extra += fmt.Sprintf(" cr2=%08x", ti.CR2)
	}
	from := "kernel"
	if ti.FromUser {
		from = "user"
	}
	fmt.Fprintf(t.w, "%10s   -- %s %d (%s) from %s at %08x%s\n", "", what, ti.Vector, vectorName(uint8(ti.Vector)), from, ti.EIP, extra)
}

// FlagString shows EFLAGS as x86 debuggers do: set flags in capitals.
func FlagString(f uint32) string {
	names := []struct {
		bit  uint32
		name string
	}{{isa.FlagOF, "o"}, {isa.FlagSF, "s"}, {isa.FlagZF, "z"}, {isa.FlagCF, "c"}, {isa.FlagIF, "i"}, {isa.FlagUM, "u"}}
	var b strings.Builder
	for _, n := range names {
		if f&n.bit != 0 {
			b.WriteString(strings.ToUpper(n.name))
		} else {
			b.WriteString(n.name)
		}
	}
	return b.String()
}
