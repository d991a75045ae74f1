package asm

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"v6vm/v6vm/exe"
	"v6vm/v6vm/isa"
)

// Disassemble writes a listing of f's text: a "name:" header at each
// function (and ".local:" at each label inside it), a "; file:line" comment
// when the source line changes, then one line per instruction:
//
//	00001000:  13 05                              push ebp
//
// Operands are symbolic where an address has a name. Bytes that do not
// decode print as (bad), one at a time, and the listing goes on.
func Disassemble(w io.Writer, f *exe.File) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "; text 0x%x-0x%x, data 0x%x (%d bytes), bss %d bytes, entry 0x%x\n",
		f.TextAddr, f.TextAddr+uint32(len(f.Text)), f.DataAddr, len(f.Data), f.BssSize, f.Entry)

	// Text symbols by address, in table order; labels print under the
	// function whose name qualifies them.
	at := map[uint32][]exe.Sym{}
	for _, s := range f.Syms {
		if (s.Kind == exe.SymFunc || s.Kind == exe.SymLabel) && s.Value-f.TextAddr < uint32(len(f.Text)) {
			at[s.Value] = append(at[s.Value], s)
		}
	}
	sym := symbolizer(f)
	fn := ""
	lastFile, lastLine := "", 0
	for off := 0; off < len(f.Text); {
		pc := f.TextAddr + uint32(off)
		for _, s := range at[pc] {
			if s.Kind == exe.SymFunc {
				fn = s.Name
				fmt.Fprintf(bw, "\n%s:\n", s.Name)
			} else if rest, ok := strings.CutPrefix(s.Name, fn); ok && fn != "" && strings.HasPrefix(rest, ".") {
				fmt.Fprintf(bw, "%s:\n", rest)
			} else {
				fmt.Fprintf(bw, "%s:\n", s.Name)
			}
		}
		if file, line, ok := f.LineAt(pc); ok && (file != lastFile || line != lastLine) {
			fmt.Fprintf(bw, "; %s:%d\n", file, line)
			lastFile, lastLine = file, line
		}
		in, err := isa.Decode(f.Text[off:])
		if err != nil {
			fmt.Fprintf(bw, "%08x:  %-33s  (bad)\n", pc, fmt.Sprintf("%02x", f.Text[off]))
			off++
			continue
		}
		code := f.Text[off : off+int(in.Len)]
		fmt.Fprintf(bw, "%08x:  %-33s  %s\n", pc, hexBytes(code), in.Format(pc, sym))
		off += int(in.Len)
	}
	return bw.Flush()
}

// symbolizer names addresses for operands: an exact label or function name
// first (so a jump reads `jne Swtch.loop`), else f.Symbolize (`u+0x10`).
func symbolizer(f *exe.File) isa.Symbolizer {
	exact := map[uint32]string{}
	for _, s := range f.Syms {
		switch s.Kind {
		case exe.SymFunc, exe.SymObject:
			exact[s.Value] = s.Name
		case exe.SymLabel:
			if _, ok := exact[s.Value]; !ok {
				exact[s.Value] = s.Name
			}
		}
	}
	return func(addr uint32) string {
		if s, ok := exact[addr]; ok {
			return s
		}
		return f.Symbolize(addr)
	}
}

func hexBytes(b []byte) string {
	var sb strings.Builder
	for i, c := range b {
		if i > 0 {
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, "%02x", c)
	}
	return sb.String()
}
