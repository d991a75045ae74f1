package cc

import (
	"strconv"
	"strings"
)

// evalIf evaluates the controlling expression of #if or #elif.
func (p *preprocessor) evalIf(dir *Token, args []*Token) bool {
	if len(args) == 0 {
		p.errs.add(dir.Pos, "#%s with no expression", dir.Text)
		return false
	}
	toks := p.expandAll(p.replaceDefined(args))
	e := &ifEval{p: p, toks: toks, end: dir}
	v := e.cond()
	if e.i < len(toks) && !e.failed {
		p.errs.add(toks[e.i].Pos, "unexpected %q in #%s expression", toks[e.i].Text, dir.Text)
	}
	return v.v != 0 && !e.failed
}

// replaceDefined turns defined X and defined(X) into 1 or 0 before macro
// expansion can touch X.
func (p *preprocessor) replaceDefined(args []*Token) []*Token {
	var out []*Token
	for i := 0; i < len(args); i++ {
		t := args[i]
		if t.Kind != TIdent || t.Text != "defined" {
			out = append(out, t)
			continue
		}
		paren := i+1 < len(args) && args[i+1].is("(")
		j := i + 1
		if paren {
			j++
		}
		if j >= len(args) || args[j].Kind != TIdent {
			p.errs.add(t.Pos, "macro name missing after \"defined\"")
			return out
		}
		v := "0"
		if p.macros[args[j].Text] != nil {
			v = "1"
		}
		if paren {
			if j+1 >= len(args) || !args[j+1].is(")") {
				p.errs.add(t.Pos, "missing ')' after \"defined\"")
				return out
			}
			j++
		}
		out = append(out, &Token{Kind: TNum, Text: v, Pos: t.Pos})
		i = j
	}
	return out
}

// ifEval is a recursive-descent evaluator over #if tokens, in the
// preprocessor's integer type (64 bits here, intmax_t in C).
type ifEval struct {
	p      *preprocessor
	toks   []*Token
	i      int
	end    *Token
	failed bool
	depth  int
}

// nest bounds the evaluator's recursion like parser.nest.
func (e *ifEval) nest() func() {
	e.depth++
	if e.depth > maxNesting {
		e.p.errs.add(e.end.Pos, "#%s expression nested too deeply", e.end.Text)
		panic(errTooMany)
	}
	return func() { e.depth-- }
}

func (e *ifEval) peek() *Token {
	if e.i < len(e.toks) {
		return e.toks[e.i]
	}
	return nil
}

func (e *ifEval) accept(op string) bool {
	if t := e.peek(); t != nil && t.Kind == TPunct && t.Text == op {
		e.i++
		return true
	}
	return false
}

// A ppVal is an #if value: intmax_t or, when unsigned, uintmax_t.
type ppVal struct {
	v        int64
	unsigned bool
}

func (e *ifEval) fail(t *Token, format string, args ...any) ppVal {
	if !e.failed {
		pos := e.end.Pos
		if t != nil {
			pos = t.Pos
		}
		e.p.errs.add(pos, format, args...)
	}
	e.failed = true
	return ppVal{}
}

func (e *ifEval) cond() ppVal {
	defer e.nest()()
	c := e.binary(1)
	if !e.accept("?") {
		return c
	}
	a := e.cond()
	if !e.accept(":") {
		return e.fail(e.peek(), "expected ':' in #if expression")
	}
	b := e.cond()
	u := a.unsigned || b.unsigned
	if c.v != 0 {
		return ppVal{a.v, u}
	}
	return ppVal{b.v, u}
}

func (e *ifEval) binary(level int) ppVal {
	if level > tightest {
		return e.unary()
	}
	x := e.binary(level + 1)
	for {
		t := e.peek()
		if t == nil || t.Kind != TPunct || precedence(t.Text) != level {
			return x
		}
		e.i++
		y := e.binary(level + 1)
		x = e.apply(t, x, y)
	}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func truth(b bool) ppVal { return ppVal{v: b2i(b)} }

// apply computes x op y with the usual arithmetic conversions: if either
// operand is unsigned, both are.
func (e *ifEval) apply(op *Token, x, y ppVal) ppVal {
	u := x.unsigned || y.unsigned
	a, b := x.v, y.v
	ua, ub := uint64(a), uint64(b)
	switch op.Text {
	case "||":
		return truth(a != 0 || b != 0)
	case "&&":
		return truth(a != 0 && b != 0)
	case "==":
		return truth(a == b)
	case "!=":
		return truth(a != b)
	case "<", ">", "<=", ">=":
		lt, gt := a < b, a > b
		if u {
			lt, gt = ua < ub, ua > ub
		}
		return truth(map[string]bool{"<": lt, ">": gt, "<=": !gt, ">=": !lt}[op.Text])
	case "<<", ">>":
		// The result has the left operand's type.
		if op.Text == "<<" {
			return ppVal{a << uint(b&63), x.unsigned}
		}
		if x.unsigned {
			return ppVal{int64(ua >> uint(b&63)), true}
		}
		return ppVal{a >> uint(b&63), false}
	case "|":
		return ppVal{a | b, u}
	case "^":
		return ppVal{a ^ b, u}
	case "&":
		return ppVal{a & b, u}
	case "+":
		return ppVal{a + b, u}
	case "-":
		return ppVal{a - b, u}
	case "*":
		return ppVal{a * b, u}
	}
	if b == 0 {
		return e.fail(op, "division by zero in #if")
	}
	switch {
	case u && op.Text == "/":
		return ppVal{int64(ua / ub), true}
	case u:
		return ppVal{int64(ua % ub), true}
	case op.Text == "/" && b == -1:
		return ppVal{-a, false} // no overflow trap for INTMAX_MIN / -1
	case op.Text == "/":
		return ppVal{a / b, false}
	case b == -1:
		return ppVal{0, false}
	}
	return ppVal{a % b, false}
}

func (e *ifEval) unary() ppVal {
	defer e.nest()()
	t := e.peek()
	if t == nil {
		return e.fail(nil, "missing operand in #%s expression", e.end.Text)
	}
	e.i++
	switch {
	case t.is("+"):
		return e.unary()
	case t.is("-"):
		x := e.unary()
		return ppVal{-x.v, x.unsigned}
	case t.is("~"):
		x := e.unary()
		return ppVal{^x.v, x.unsigned}
	case t.is("!"):
		return truth(e.unary().v == 0)
	case t.is("("):
		v := e.cond()
		if !e.accept(")") {
			return e.fail(e.peek(), "expected ')' in #if expression")
		}
		return v
	case t.Kind == TIdent:
		return ppVal{} // identifiers left after expansion are 0
	case t.Kind == TChar:
		return ppVal{v: t.Val}
	case t.Kind == TNum:
		v, suffix, ok := parseInt(t.Text)
		if !ok {
			return e.fail(t, "invalid integer constant %q in #if", t.Text)
		}
		return ppVal{int64(v), strings.Contains(suffix, "u") || v > 1<<63-1}
	}
	return e.fail(t, "unexpected %q in #%s expression", t.Text, e.end.Text)
}

// parseInt parses a C integer constant; suffix holds its u/l letters, lower
// case. It fails for floating constants and malformed numbers.
func parseInt(s string) (v uint64, suffix string, ok bool) {
	body := strings.TrimRight(s, "uUlL")
	suffix = strings.ToLower(s[len(body):])
	switch suffix {
	case "", "u", "l", "ul", "lu", "ll", "ull", "llu":
	default:
		return 0, "", false
	}
	base := 10
	switch {
	case strings.HasPrefix(body, "0x") || strings.HasPrefix(body, "0X"):
		base, body = 16, body[2:]
	case strings.HasPrefix(body, "0b") || strings.HasPrefix(body, "0B"):
		base, body = 2, body[2:]
	case len(body) > 1 && body[0] == '0':
		base, body = 8, body[1:]
	}
	if body == "" {
		return 0, "", false
	}
	v, err := strconv.ParseUint(body, base, 64)
	return v, suffix, err == nil
}
