package backend

import (
	"fmt"
	"sort"
	"strings"
)

// global emits one global variable in .data (with initial bytes and
// relocations) or .bss.
func (g *gen) global(o *Obj) {
	if o.Init == nil {
		g.ins(".bss")
	} else {
		g.ins(".data")
	}
	g.ins(".align %d", max(o.Type.Align, 1))
	if !o.Static {
		g.ins(".globl %s", o.Name)
	}
	g.emitLabel(o.Name)
	if o.Init == nil {
		g.ins(".space %d", max(o.Type.Size, 1))
		return
	}
	relocs := append([]Reloc(nil), o.Relocs...)
	sort.Slice(relocs, func(i, j int) bool { return relocs[i].Offset < relocs[j].Offset })
	pos := 0
	for _, r := range relocs {
		g.bytes(o.Init[pos:r.Offset])
		if r.Addend != 0 {
			g.ins(".long %s%+d", r.Label, r.Addend)
		} else {
			g.ins(".long %s", r.Label)
		}
		pos = r.Offset + 4
	}
	g.bytes(o.Init[pos:])
}

// bytes emits b as .byte lines of up to 16 values.
func (g *gen) bytes(b []byte) {
	for len(b) > 0 {
		n := min(len(b), 16)
		vals := make([]string, n)
		for i, c := range b[:n] {
			vals[i] = fmt.Sprint(c)
		}
		g.ins(".byte %s", strings.Join(vals, ", "))
		b = b[n:]
	}
}
