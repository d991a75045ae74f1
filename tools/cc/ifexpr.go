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
	return v != 0 && !e.failed
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

func (e *ifEval) fail(t *Token, format string, args ...any) int64 {
	if !e.failed {
		pos := e.end.Pos
		if t != nil {
			pos = t.Pos
		}
		e.p.errs.add(pos, format, args...)
	}
	e.failed = true
	return 0
}

func (e *ifEval) cond() int64 {
	c := e.binary(0)
	if !e.accept("?") {
		return c
	}
	a := e.cond()
	if !e.accept(":") {
		return e.fail(e.peek(), "expected ':' in #if expression")
	}
	b := e.cond()
	if c != 0 {
		return a
	}
	return b
}

// ifPrec lists binary operators from loosest to tightest.
var ifPrec = [][]string{
	{"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", ">", "<=", ">="},
	{"<<", ">>"}, {"+", "-"}, {"*", "/", "%"},
}

func (e *ifEval) binary(level int) int64 {
	if level == len(ifPrec) {
		return e.unary()
	}
	x := e.binary(level + 1)
	for {
		t := e.peek()
		if t == nil || t.Kind != TPunct || !contains(ifPrec[level], t.Text) {
			return x
		}
		e.i++
		y := e.binary(level + 1)
		x = e.apply(t, x, y)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func (e *ifEval) apply(op *Token, x, y int64) int64 {
	switch op.Text {
	case "||":
		return b2i(x != 0 || y != 0)
	case "&&":
		return b2i(x != 0 && y != 0)
	case "|":
		return x | y
	case "^":
		return x ^ y
	case "&":
		return x & y
	case "==":
		return b2i(x == y)
	case "!=":
		return b2i(x != y)
	case "<":
		return b2i(x < y)
	case ">":
		return b2i(x > y)
	case "<=":
		return b2i(x <= y)
	case ">=":
		return b2i(x >= y)
	case "<<":
		return x << uint(y&63)
	case ">>":
		return x >> uint(y&63)
	case "+":
		return x + y
	case "-":
		return x - y
	case "*":
		return x * y
	}
	if y == 0 {
		return e.fail(op, "division by zero in #if")
	}
	if op.Text == "/" {
		return x / y
	}
	return x % y
}

func (e *ifEval) unary() int64 {
	t := e.peek()
	if t == nil {
		return e.fail(nil, "missing operand in #%s expression", e.end.Text)
	}
	e.i++
	switch {
	case t.is("+"):
		return e.unary()
	case t.is("-"):
		return -e.unary()
	case t.is("~"):
		return ^e.unary()
	case t.is("!"):
		return b2i(e.unary() == 0)
	case t.is("("):
		v := e.cond()
		if !e.accept(")") {
			return e.fail(e.peek(), "expected ')' in #if expression")
		}
		return v
	case t.Kind == TIdent:
		return 0 // identifiers left after expansion are 0
	case t.Kind == TChar:
		return t.Val
	case t.Kind == TNum:
		v, _, ok := parseInt(t.Text)
		if !ok {
			return e.fail(t, "invalid integer constant %q in #if", t.Text)
		}
		return int64(v)
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
