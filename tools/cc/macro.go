package cc

import (
	"strings"
)

// A hideset is the set of macro names a token must not be expanded by again
// (Prosser's algorithm, as in chibicc): an immutable list, shared freely.
type hideset struct {
	name string
	next *hideset
}

func (h *hideset) has(name string) bool {
	for ; h != nil; h = h.next {
		if h.name == name {
			return true
		}
	}
	return false
}

func (h *hideset) union(o *hideset) *hideset {
	for ; o != nil; o = o.next {
		if !h.has(o.name) {
			h = &hideset{o.name, h}
		}
	}
	return h
}

func (h *hideset) intersect(o *hideset) *hideset {
	var r *hideset
	for ; h != nil; h = h.next {
		if o.has(h.name) {
			r = &hideset{h.name, r}
		}
	}
	return r
}

// expand replaces a macro invocation starting at tok by its expansion,
// pushed back onto the input for rescanning; it reports whether it did.
func (p *preprocessor) expand(tok *Token) bool {
	if tok.Kind != TIdent || tok.hideset.has(tok.Text) {
		return false
	}
	m := p.macros[tok.Text]
	if m == nil {
		return false
	}
	if m.builtin != nil {
		t := m.builtin(tok)
		t.AtBOL, t.HasSpace, t.Macro = tok.AtBOL, tok.HasSpace, true
		p.in = append(p.in, t)
		return true
	}
	hs := tok.hideset
	var body []*Token
	if m.funcLike {
		if !p.peek().is("(") {
			return false
		}
		lparen := p.next()
		args, rparen := p.readArgs(m, tok, lparen)
		if args == nil {
			return true
		}
		hs = hs.intersect(rparen.hideset)
		body = p.subst(m, tok, args)
	} else {
		body = p.subst(m, tok, nil)
	}
	hs = &hideset{m.name, hs}
	out := make([]*Token, len(body))
	for i, t := range body {
		c := *t
		c.hideset = c.hideset.union(hs)
		c.Macro = true
		out[i] = &c
	}
	if len(out) > 0 {
		out[0].AtBOL, out[0].HasSpace = tok.AtBOL, tok.HasSpace
	}
	p.budget += len(out)
	if p.budget > maxExpansion {
		p.errs.add(tok.Pos, "macro expansion too large")
		panic(errTooMany)
	}
	p.push(out)
	return true
}

// A macroArg is one actual argument, as written and fully expanded.
type macroArg struct {
	raw      []*Token
	expanded []*Token
	done     bool
}

// readArgs reads a function-like macro's arguments after the '('; it returns
// nil args after reporting an error.
func (p *preprocessor) readArgs(m *macro, name, lparen *Token) ([]*macroArg, *Token) {
	args := []*macroArg{{}}
	depth := 0
	for {
		t := p.next()
		switch {
		case t.Kind == TEOF:
			p.errs.add(name.Pos, "unterminated argument list invoking macro %s", m.name)
			return nil, nil
		case t.is("("): // only parentheses protect commas, not [] or {}
			depth++
		case t.is(")") && depth > 0:
			depth--
		case t.is(")"):
			return p.checkArgs(m, name, args), t
		case t.is(",") && depth == 0 && !(m.variadic && len(args) == len(m.params)):
			args = append(args, &macroArg{})
			continue
		}
		a := args[len(args)-1]
		a.raw = append(a.raw, t)
	}
}

func (p *preprocessor) checkArgs(m *macro, name *Token, args []*macroArg) []*macroArg {
	if len(m.params) == 0 && len(args) == 1 && len(args[0].raw) == 0 {
		return []*macroArg{}
	}
	if m.variadic && len(args) == len(m.params)-1 {
		args = append(args, &macroArg{}) // F(a) for F(x, ...): empty __VA_ARGS__
	}
	if len(args) != len(m.params) {
		p.errs.add(name.Pos, "macro %s expects %d arguments, given %d", m.name, len(m.params), len(args))
		return nil
	}
	return args
}

// subst substitutes the arguments into m's body, handling # and ##. Tokens
// of the definition take the invocation's position, so diagnostics and
// __LINE__ refer to the line the programmer wrote; argument tokens keep theirs.
func (p *preprocessor) subst(m *macro, name *Token, args []*macroArg) []*Token {
	var out []*Token
	body := make([]*Token, len(m.body))
	for i, t := range m.body {
		c := *t
		c.Pos = name.Pos
		body[i] = &c
	}
	for i := 0; i < len(body); i++ {
		t := body[i]
		pasteNext := i+1 < len(body) && body[i+1].is("##")
		switch k := m.param(t); {
		case t.is("#") && m.funcLike:
			out = append(out, stringize(t, args[m.param(body[i+1])].raw))
			i++
		case t.is(",") && pasteNext && m.variadic && i+2 < len(body) && body[i+2].Text == "__VA_ARGS__":
			// GNU ", ## __VA_ARGS__": the comma goes when the list is empty.
			if va := args[len(args)-1]; len(va.raw) > 0 {
				out = append(out, t)
				out = append(out, p.argTokens(va)...)
			}
			i += 2
		case t.is("##"):
			i++
			rhs := pasteOperand(m, args, body[i])
			out = p.pasteLast(out, rhs[0])
			out = append(out, rhs[1:]...)
		case k >= 0 && pasteNext:
			out = append(out, pasteOperand(m, args, t)...)
		case k >= 0:
			out = append(out, p.argTokens(args[k])...)
		default:
			out = append(out, t)
		}
	}
	kept := out[:0]
	for _, t := range out {
		if t.Kind != tPlacemarker {
			kept = append(kept, t)
		}
	}
	return kept
}

// pasteOperand returns an operand of ## as written: a parameter's raw
// argument, or a placemarker (C99 6.10.3.3) when that argument is empty.
func pasteOperand(m *macro, args []*macroArg, t *Token) []*Token {
	k := m.param(t)
	if k < 0 {
		return []*Token{t}
	}
	if len(args[k].raw) == 0 {
		return []*Token{{Kind: tPlacemarker, Pos: t.Pos}}
	}
	return args[k].raw
}

// argTokens returns an argument fully macro-expanded, expanding it once.
func (p *preprocessor) argTokens(a *macroArg) []*Token {
	if !a.done {
		a.expanded, a.done = p.expandAll(a.raw), true
	}
	return a.expanded
}

// pasteLast replaces the last token of out by its paste with rhs; a
// placemarker on either side leaves the other operand.
func (p *preprocessor) pasteLast(out []*Token, rhs *Token) []*Token {
	if len(out) == 0 {
		return append(out, rhs)
	}
	lhs := out[len(out)-1]
	if lhs.Kind == tPlacemarker {
		out[len(out)-1] = rhs
		return out
	}
	if rhs.Kind == tPlacemarker {
		return out
	}
	text := lhs.Text + rhs.Text
	errs := &errorList{}
	toks := Tokenize(NewFile(lhs.Pos.String(), text), errs)
	if len(errs.errs) > 0 || len(toks) != 2 {
		p.errs.add(lhs.Pos, "pasting \"%s\" and \"%s\" does not give a valid preprocessing token", lhs.Text, rhs.Text)
		return out
	}
	t := toks[0]
	t.Pos, t.HasSpace, t.AtBOL, t.hideset = lhs.Pos, lhs.HasSpace, false, lhs.hideset
	out[len(out)-1] = t
	return out
}

// stringize implements #: the argument's spelling as a string literal.
func stringize(hash *Token, raw []*Token) *Token {
	s := joinTokens(raw)
	var b strings.Builder
	b.WriteByte('"')
	for i, t := range raw {
		if i > 0 && t.HasSpace {
			b.WriteByte(' ')
		}
		if t.Kind == TStr || t.Kind == TChar {
			b.WriteString(strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(t.Text))
		} else {
			b.WriteString(t.Text)
		}
	}
	b.WriteByte('"')
	return &Token{Kind: TStr, Text: b.String(), Str: []byte(s), Pos: hash.Pos, HasSpace: hash.HasSpace}
}

// maxMacroNesting bounds macro calls in arguments of macro calls; each
// level rescans the rest of its argument, so deep nesting is also slow.
const maxMacroNesting = 200

// expandAll macro-expands toks in isolation, as an argument is expanded
// before substitution.
func (p *preprocessor) expandAll(toks []*Token) []*Token {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxMacroNesting {
		p.errs.add(toks[0].Pos, "macro arguments nested too deeply")
		panic(errTooMany)
	}
	saved := p.in
	p.in = nil
	end := &Token{Kind: TEOF, AtBOL: true}
	p.in = append(p.in, end)
	p.push(toks)
	var out []*Token
	for {
		t := p.next()
		if t == end {
			break
		}
		if t.Kind == TEOF {
			continue // cannot happen: arguments hold no file ends
		}
		if !p.expand(t) {
			out = append(out, t)
		}
	}
	p.in = saved
	return out
}
