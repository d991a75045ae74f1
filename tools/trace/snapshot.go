package trace

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"v6vm/v6vm"
)

// StackSelector names the moment a stack picture shows: the Nth switch to
// a process ("first swtch to pid 3", "2nd switch to pid 2").
type StackSelector struct {
	Text string
	N    int // 1 for the first
	Pid  int32
}

var selectorRE = regexp.MustCompile(`^(?:(first|second|third|last|\d+)(?:st|nd|rd|th)?\s+)?(?:swtch|switch)(?:\s+in)?\s+to\s+pid\s+(\d+)$`)

// ParseStackSelector reads "[first|second|third|Nth] swtch to pid P".
func ParseStackSelector(s string) (*StackSelector, error) {
	m := selectorRE.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return nil, fmt.Errorf("cannot read %q: want \"first swtch to pid 3\" (or second, third, 4th, ...)", s)
	}
	sel := &StackSelector{Text: s, N: 1}
	switch m[1] {
	case "", "first":
	case "second":
		sel.N = 2
	case "third":
		sel.N = 3
	case "last":
		return nil, fmt.Errorf("%q: the last switch is not known until the run ends; count from the first", s)
	default:
		sel.N, _ = strconv.Atoi(m[1])
	}
	pid, _ := strconv.Atoi(m[2])
	sel.Pid = int32(pid)
	if sel.N < 1 {
		return nil, fmt.Errorf("%q: switches count from 1", s)
	}
	return sel, nil
}

// StackSnapshot is the core stacks of a process as it is switched in and
// of its parent, at the same moment.
type StackSnapshot struct {
	Time  uint64       `json:"time"`
	What  string       `json:"what"`
	Procs []ProcStacks `json:"procs"` // the switched-in process, then its parent
}

// ProcStacks is one process's core stack in a snapshot.
type ProcStacks struct {
	Pid     int32   `json:"pid"`
	Comm    string  `json:"comm"`
	Role    string  `json:"role"`    // "child" or "parent" (or "process")
	Running bool    `json:"running"` // the one just switched in
	Frames  []Frame `json:"frames"`  // innermost first
	RsavESP uint32  `json:"rsav_esp"`
	RsavEBP uint32  `json:"rsav_ebp"`
	Ar0     uint32  `json:"u_ar0"` // where the trap frame's saved registers are
	Pgdir   uint32  `json:"pgdir"` // its page directory: the address space it runs in
}

// SnapshotAt asks the tracer to take the stacks at sel; Snapshot has them
// once the run has passed it.
func (t *Tracer) SnapshotAt(sel *StackSelector) { t.snapSel = sel }

// Snapshot is the stacks taken at the selected moment, or nil if the run
// never reached it.
func (t *Tracer) Snapshot() *StackSnapshot { return t.snap }

func (t *Tracer) maybeSnapshot(m *v6vm.Machine) {
	sel := t.snapSel
	if sel == nil || t.snap != nil {
		return
	}
	cur := t.k.Current(m)
	if cur.Pid != sel.Pid {
		return
	}
	t.snapCount++
	if t.snapCount != sel.N {
		return
	}
	k := t.k
	s := &StackSnapshot{Time: m.Icount, What: sel.Text}
	u := func(field string, i int) uint32 { return k.UserWord(m, field, i) }
	s.Procs = append(s.Procs, ProcStacks{Pid: cur.Pid, Comm: cur.Comm, Role: "process", Running: true,
		Frames: k.SwitchedInStack(m), RsavESP: u("u_rsav", 0), RsavEBP: u("u_rsav", 1), Ar0: u("u_ar0", 0), Pgdir: cur.Pgdir})
	for _, p := range k.Procs(m) {
		if p.Pid != cur.Ppid || p.Stat == 0 || p.Stat == 5 || p.Addr == 0 {
			continue
		}
		s.Procs[0].Role = "child"
		ps := ProcStacks{Pid: p.Pid, Comm: p.Comm, Role: "parent", Frames: k.SavedStack(m, p), Pgdir: p.Pgdir}
		w := func(field string, i int) uint32 {
			b, err := m.ReadPhys(p.Addr+k.user[field]+uint32(i)*4, 4)
			if err != nil || len(b) < 4 {
				return 0
			}
			return le32(b, 0)
		}
		ps.RsavESP, ps.RsavEBP, ps.Ar0 = w("u_rsav", 0), w("u_rsav", 1), w("u_ar0", 0)
		s.Procs = append(s.Procs, ps)
		break
	}
	t.snap = s
}
