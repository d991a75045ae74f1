package backend

import "strings"

// A line is one line of output, kept until the object is complete so that
// the peephole pass can look at a whole function.
type line struct {
	kind lineKind
	text string // without the leading tab (labels: without the colon)
	// barrier marks lines of an inline-asm template: the peephole pass
	// neither removes nor looks across them.
	barrier bool
}

type lineKind uint8

const (
	lineIns   lineKind = iota // an instruction
	lineLabel                 // a label
	lineOther                 // a directive or a comment: no code
)

// flush runs the peephole pass over the buffered lines and writes them.
func (g *gen) flush() {
	lines := g.out
	if !g.opt.Unoptimized {
		lines = peephole(lines)
	}
	for _, l := range lines {
		switch l.kind {
		case lineLabel:
			g.w.WriteString(l.text)
			g.w.WriteString(":\n")
		default:
			g.w.WriteByte('\t')
			g.w.WriteString(l.text)
			g.w.WriteByte('\n')
		}
	}
	g.out = g.out[:0]
}

// peephole removes what the tree walk cannot see: a jmp whose target label
// follows it with no instruction in between (the `jmp .Lreturn` of a final
// return, the jump over an empty else). Removing such a jump changes no
// register, flag or memory and no path: control reaches the label either
// way. It is local: only the lines between the jump and the label are read.
//
// It also drops a "cmp eax, 0" right after an instruction that computed EAX
// and set ZF from it (add, sub, and, or, xor, neg into EAX) when only ZF is
// used next (je, jne, sete, setne): the flag is the same.
func peephole(in []line) []line {
	in = threadJumps(in)
	in = invertBranches(in)
	out := in[:0]
	for i, l := range in {
		if l.kind == lineIns && !l.barrier && strings.HasPrefix(l.text, "jmp ") && jumpsToNext(in[i+1:], strings.TrimPrefix(l.text, "jmp ")) {
			continue
		}
		if l.kind == lineIns && !l.barrier && l.text == "cmp eax, 0" && i > 0 && i+1 < len(in) &&
			setsZF(in[i-1]) && usesOnlyZF(in[i+1]) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// setsZF reports whether l is an instruction that leaves ZF set exactly
// when EAX is zero.
func setsZF(l line) bool {
	if l.kind != lineIns || l.barrier {
		return false
	}
	for _, op := range []string{"add eax, ", "sub eax, ", "and eax, ", "or eax, ", "xor eax, "} {
		if strings.HasPrefix(l.text, op) {
			return true
		}
	}
	return l.text == "neg eax"
}

// usesOnlyZF reports whether l reads no flag but ZF.
func usesOnlyZF(l line) bool {
	if l.kind != lineIns || l.barrier {
		return false
	}
	for _, op := range []string{"je ", "jne ", "sete ", "setne "} {
		if strings.HasPrefix(l.text, op) {
			return true
		}
	}
	return false
}

// jumpsToNext reports whether label is among the labels that follow before
// the next instruction.
func jumpsToNext(rest []line, label string) bool {
	for _, l := range rest {
		switch {
		case l.kind == lineIns || l.barrier:
			return false
		case l.kind == lineLabel && l.text == label:
			return true
		}
	}
	return false
}

// jumpTarget splits a jump instruction into its mnemonic and label.
func jumpTarget(l line) (op, label string, ok bool) {
	if l.kind != lineIns || l.barrier || !strings.HasPrefix(l.text, "j") {
		return "", "", false
	}
	op, label, ok = strings.Cut(l.text, " ")
	if !ok || !strings.HasPrefix(label, ".L") || (op != "jmp" && negate(op[1:]) == "") {
		return "", "", false
	}
	return op, label, true
}

// threadJumps retargets a jump whose target label is followed by an
// unconditional jmp to that jmp's own target (jne .L7 ... .L7: jmp .L2
// becomes jne .L2). Control goes to the same place through fewer jumps.
func threadJumps(in []line) []line {
	at := map[string]int{} // label -> index of the first instruction after it
	for i, l := range in {
		if l.kind != lineLabel {
			continue
		}
		for j := i + 1; j < len(in); j++ {
			if in[j].kind == lineIns || in[j].barrier {
				at[l.text] = j
				break
			}
		}
	}
	for i, l := range in {
		op, label, ok := jumpTarget(l)
		if !ok {
			continue
		}
		for range 8 { // a few hops; a cycle of jmps stays as it is
			j, found := at[label]
			if !found {
				break
			}
			op2, next, ok := jumpTarget(in[j])
			if !ok || op2 != "jmp" || next == label {
				break
			}
			label = next
		}
		in[i].text = op + " " + label
	}
	return in
}

// invertBranches turns "jcc .L1; jmp .L2; .L1:" into "jncc .L2; .L1:".
// The jmp must directly follow (no label between: nothing else jumps to
// it), and .L1 must come before any further instruction.
func invertBranches(in []line) []line {
	out := in[:0]
	for i := 0; i < len(in); i++ {
		l := in[i]
		op, l1, ok := jumpTarget(l)
		if ok && op != "jmp" {
			j := i + 1
			for j < len(in) && in[j].kind == lineOther && !in[j].barrier {
				j++
			}
			if j < len(in) {
				if op2, l2, ok2 := jumpTarget(in[j]); ok2 && op2 == "jmp" && jumpsToNext(in[j+1:], l1) {
					l.text = "j" + negate(op[1:]) + " " + l2
					out = append(out, l)
					out = append(out, in[i+1:j]...) // directives between
					i = j
					continue
				}
			}
		}
		out = append(out, l)
	}
	return out
}
