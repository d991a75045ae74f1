package trace

import (
	"fmt"
	"io"
	"strings"
)

// StackPicture draws the core stacks of a snapshot side by side, as they
// lie in memory: the top of the ppda page (the trap frame the entry stub
// pushed) at the top, each function's frame below its caller's with the
// two words its EBP points at (the caller's EBP and the return address),
// and the u area at the bottom of the page with u_rsav, where Swtch's
// RetU finds the frame to return through, and u_ar0, where Fork writes
// fork's result. The trap frame's saved EAX — what the system call will
// return in user mode — is highlighted.
func StackPicture(w io.Writer, snap *StackSnapshot) error {
	const (
		colW  = 800
		gap   = 40
		left  = 30
		rowH  = 24
		font  = 15
		title = 80
	)
	s := &svg{w: left*2 + colW*len(snap.Procs) + gap*(len(snap.Procs)-1)}
	maxY := 0.0
	for i, p := range snap.Procs {
		x := float64(left + i*(colW+gap))
		y := float64(title)
		role := p.Role
		state := "not running: its stack as SaveU left it, read from its u area in physical memory"
		if p.Running {
			state = "running: just switched in"
		}
		s.text(x, y, 20, "start", "#222", "bold", fmt.Sprintf("pid %d %s (%s)", p.Pid, p.Comm, role))
		y += 22
		s.text(x, y, 14, "start", "#555", "normal", state)
		y += 18
		space := fmt.Sprintf("address space: page directory %#x", p.Pgdir)
		for j, q := range snap.Procs {
			if j != i && q.Pgdir == p.Pgdir {
				space += fmt.Sprintf(", the same as pid %d's (vfork, or clone with CLONE_VM, shares it)", q.Pid)
			}
		}
		s.text(x, y, 14, "start", "#555", "normal", space)
		y += 16
		s.text(x, y, 13, "start", "#777", "normal", "high addresses (0xc0400000, top of the ppda page)")
		y += 10
		row := func(label, value string, fill string, bold bool) {
			s.rect(x, y, colW, rowH, fill, "#999", "")
			weight := "normal"
			if bold {
				weight = "bold"
			}
			s.text(x+10, y+rowH-7, font, "start", "#222", weight, label)
			s.text(x+colW-10, y+rowH-7, font, "end", "#222", weight, value)
			y += rowH
		}
		for j := len(p.Frames) - 1; j >= 0; j-- {
			f := p.Frames[j]
			name, _, _ := strings.Cut(f.Func, "+")
			loc := ""
			if f.File != "" {
				loc = fmt.Sprintf("%s:%d", f.File, f.Line)
			}
			y += 8
			head := "#dbe9f6"
			if f.Saved || f.OnFrameOf != "" {
				head = "#fde0c5"
			}
			row(fmt.Sprintf("#%d %s", j, name), loc, head, true)
			if t := f.Trap; t != nil {
				mode := "kernel"
				if t.FromUser {
					mode = "user"
				}
				row(fmt.Sprintf("trap frame pushed on entry from %s mode", mode), t.Stub, "#fff", false)
				if t.FromUser {
					row("  user ESP", hex(t.ESP), "#fff", false)
				}
				row("  EFLAGS", hex(t.EFLAGS), "#fff", false)
				row("  user EIP (where the call returns)", hex(t.EIP), "#fff", false)
				row(fmt.Sprintf("  saved EAX at %s = u_ar0[EAX]: fork's result", hex(p.Ar0+0)), fmt.Sprint(int32(t.EAX)), "#ffe066", true)
				row("  saved EBX ECX EDX", fmt.Sprintf("%s %s %s", hex(t.EBX), hex(t.ECX), hex(t.EDX)), "#fff", false)
				row("  saved EBP (user)", hex(t.EBP), "#fff", false)
				continue
			}
			caller := ""
			if j+1 < len(p.Frames) {
				caller = p.Frames[j+1].Func
			}
			row(fmt.Sprintf("  [%s] return address into %s", hex(f.EBP+4), caller), hex(f.Ret), "#fff", false)
			row(fmt.Sprintf("  [%s] saved EBP (the caller's frame)", hex(f.EBP)), hex(f.SavedEBP), "#fff", false)
			if f.OnFrameOf != "" {
				y += 4
				s.text(x+10, y+16, 14, "start", "#b35806", "bold",
					fmt.Sprintf("Swtch runs on %s's frame, restored from u_rsav:", f.OnFrameOf))
				s.text(x+10, y+34, 14, "start", "#b35806", "bold",
					fmt.Sprintf("its `return 1` leaves %s, returning 1 into %s", f.OnFrameOf, caller))
				y += 40
			}
			if f.Saved {
				y += 4
				s.text(x+10, y+16, 14, "start", "#b35806", "bold", "u_rsav points here: the frame the next Swtch returns through")
				y += 22
			}
		}
		y += 12
		s.text(x, y+4, 13, "start", "#777", "normal", "… free stack …")
		y += 16
		row("u area (bottom of the ppda page, 0xc03ff000)", "", "#e5f5e0", true)
		rsav := "  u_rsav: ESP, EBP saved by SaveU"
		for j, f := range p.Frames {
			if f.EBP == p.RsavEBP {
				rsav += fmt.Sprintf(" (EBP: frame #%d's)", j)
				break
			}
		}
		row(rsav, fmt.Sprintf("%s, %s", hex(p.RsavESP), hex(p.RsavEBP)), "#fff", true)
		row("  u_ar0: the saved registers", hex(p.Ar0), "#fff", false)
		y += 30
		for _, l := range explain(p) {
			s.text(x, y, 15, "start", "#222", "normal", l)
			y += 22
		}
		maxY = max(maxY, y)
	}
	s.text(float64(left), 36, 24, "start", "#222", "bold", fmt.Sprintf("Core stacks at %s (instruction %d)", snap.What, snap.Time))
	s.h = int(maxY) + 20
	return s.writeTo(w, "core stacks at "+snap.What)
}

func hex(v uint32) string { return fmt.Sprintf("%#x", v) }

// explain says in words what the picture shows of p.
func explain(p ProcStacks) []string {
	var trap *TrapFrame
	newProc := false
	inFork := false
	for _, f := range p.Frames {
		if f.Trap != nil {
			trap = f.Trap
		}
		if f.OnFrameOf == "ProcessManager_NewProc" {
			newProc = true
		}
		if strings.HasPrefix(f.Func, "ProcessManager_Fork") {
			inFork = true
		}
	}
	switch {
	case p.Running && newProc:
		return []string{
			"The child's stack is a byte copy of the parent's, made in NewProc.",
			"Swtch's RetU loaded u_rsav, so Swtch's `return 1` leaves NewProc:",
			"Fork sees NewProc() == 1 and writes 0 into u_ar0[EAX] —",
			"the child's fork() returns 0.",
		}
	case !p.Running && trap != nil && !inFork:
		return []string{
			fmt.Sprintf("The parent's NewProc returned 0 (it made the copy; it never went"),
			"through Swtch there), so Fork wrote the child's pid into u_ar0[EAX].",
			fmt.Sprintf("Its saved EAX now holds %d: the result of the call it is in.", int32(trap.EAX)),
		}
	}
	return nil
}
