package trace

import (
	"fmt"
	"io"
	"sort"

	"v6vm/v6vm"
	"v6vm/v6vm/exe"
)

// Profile counts executed instructions by kernel function (and user mode as
// one line), through the machine's Step hook. It slows the run down a lot
// (every instruction calls the hook) and changes nothing in it.
type Profile struct {
	k      *exe.File
	base   uint32
	load   uint32   // where the text is at boot, before paging maps it at base
	counts []uint64 // by kernel text offset
	user   uint64
	other  uint64
}

// NewProfile profiles the kernel whose executable is k.
func NewProfile(k *exe.File) *Profile {
	load := k.LoadAddr
	if load == 0 {
		load = k.TextAddr
	}
	return &Profile{k: k, base: k.TextAddr, load: load, counts: make([]uint64, len(k.Text))}
}

// Step is the machine hook.
func (p *Profile) Step(m *v6vm.Machine) {
	if m.User {
		p.user++
		return
	}
	if off := m.EIP - p.base; off < uint32(len(p.counts)) {
		p.counts[off]++
		return
	}
	if off := m.EIP - p.load; off < uint32(len(p.counts)) {
		p.counts[off]++ // the boot code, before paging is on
		return
	}
	p.other++
}

// Line is one function's share.
type Line struct {
	Func  string
	Count uint64
}

// Lines aggregates the counts by function, largest first; user mode is
// "(user mode)".
func (p *Profile) Lines() []Line {
	return p.aggregate(func(addr uint32) string {
		if s, _, ok := p.k.SymbolAt(addr); ok {
			return s.Name
		}
		return "?"
	})
}

// SourceLines aggregates the counts by kernel source line ("file:line
// function"), largest first.
func (p *Profile) SourceLines() []Line {
	return p.aggregate(func(addr uint32) string {
		name := "?"
		if s, _, ok := p.k.SymbolAt(addr); ok {
			name = s.Name
		}
		if f, l, ok := p.k.LineAt(addr); ok {
			return fmt.Sprintf("%s:%d %s", f, l, name)
		}
		return name
	})
}

// aggregate sums the counts under the names key gives their addresses.
func (p *Profile) aggregate(key func(addr uint32) string) []Line {
	by := map[string]uint64{}
	for off, n := range p.counts {
		if n == 0 {
			continue
		}
		by[key(p.base+uint32(off))] += n
	}
	if p.user > 0 {
		by["(user mode)"] = p.user
	}
	if p.other > 0 {
		by["(outside kernel text)"] = p.other
	}
	var lines []Line
	for f, n := range by {
		lines = append(lines, Line{f, n})
	}
	sort.Slice(lines, func(i, j int) bool {
		if lines[i].Count != lines[j].Count {
			return lines[i].Count > lines[j].Count
		}
		return lines[i].Func < lines[j].Func
	})
	return lines
}

// Total is every instruction counted.
func (p *Profile) Total() uint64 {
	t := p.user + p.other
	for _, n := range p.counts {
		t += n
	}
	return t
}

// Write prints the profile by function, dividing counts by per (e.g. per
// round trip).
func (p *Profile) Write(w io.Writer, per int, top int) {
	p.write(w, per, top, "function", p.Lines())
}

// WriteSourceLines prints the profile by kernel source line.
func (p *Profile) WriteSourceLines(w io.Writer, per int, top int) {
	p.write(w, per, top, "source line", p.SourceLines())
}

func (p *Profile) write(w io.Writer, per int, top int, what string, lines []Line) {
	total := p.Total()
	fmt.Fprintf(w, "%12s %6s  %s\n", "instructions", "share", what)
	for i, l := range lines {
		if i == top {
			break
		}
		fmt.Fprintf(w, "%12d %5.1f%%  %s\n", l.Count/uint64(max(per, 1)), 100*float64(l.Count)/float64(total), l.Func)
	}
	fmt.Fprintf(w, "%12d %5.1f%%  total\n", total/uint64(max(per, 1)), 100.0)
}
