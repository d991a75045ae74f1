package cc

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Config says where the preprocessor finds files, and how to compile.
type Config struct {
	IncludeDirs []string // -I: searched for "..." and <...>
	SysDirs     []string // searched for <...> after IncludeDirs
	// ReadFile reads an included file; nil means os.ReadFile.
	ReadFile func(name string) ([]byte, error)
	// Defines predefines macros, as -D does: "NAME" (as 1) or "NAME=VALUE".
	Defines []string
	// Optimize asks the back end for its improved code (v6vm cc -O); the
	// default is the plain code the demos are calibrated on.
	Optimize bool
	// Warn receives each warning (#warning), positioned; nil prints it
	// on standard error.
	Warn func(msg string)
}

const (
	maxIncludeDepth = 64
	maxExpansion    = 1 << 20 // tokens produced by macro expansion in one run
)

// A macro is one #define, or a builtin like __LINE__.
type macro struct {
	name     string
	funcLike bool
	params   []string
	variadic bool // the last param is __VA_ARGS__
	body     []*Token
	builtin  func(tok *Token) *Token
}

// cond is one open #if group.
type cond struct {
	tok      *Token // the #if, for "unterminated" diagnostics
	sawElse  bool
	included bool // some group of this #if has been taken
}

// A preprocessor turns the tokens of one translation unit into a token
// stream with directives executed and macros expanded.
type preprocessor struct {
	cfg    *Config
	errs   *errorList
	macros map[string]*macro
	in     []*Token // pending input, next token last (a stack)
	conds  []*cond
	incl   []int // for each open #include, len(conds) when it began
	once   map[string]bool
	budget int
	depth  int // nesting of expandAll
}

// Preprocess reads the named file's text and returns its preprocessed
// tokens, ending with TEOF, or all the diagnostics found.
func Preprocess(cfg *Config, name, text string) ([]*Token, error) {
	errs := &errorList{}
	toks := preprocess(cfg, errs, NewFile(name, text))
	return toks, errs.err()
}

func preprocess(cfg *Config, errs *errorList, f *File) (out []*Token) {
	if cfg == nil {
		cfg = &Config{}
	}
	p := &preprocessor{cfg: cfg, errs: errs, macros: map[string]*macro{}, once: map[string]bool{}}
	p.defineBuiltins()
	defer func() {
		if r := recover(); r != nil {
			rethrow(r)
		}
		if len(out) == 0 || out[len(out)-1].Kind != TEOF {
			out = append(out, &Token{Kind: TEOF, Pos: Pos{f, len(f.Text)}, AtBOL: true})
		}
	}()
	p.push(Tokenize(f, errs))
	if len(cfg.Defines) > 0 {
		var b strings.Builder
		for _, d := range cfg.Defines {
			name, val, ok := strings.Cut(d, "=")
			if !ok {
				val = "1"
			}
			fmt.Fprintf(&b, "#define %s %s\n", name, val)
		}
		defs := Tokenize(NewFile("<command line>", b.String()), errs)
		p.push(defs[:len(defs)-1]) // run before the file; drop their EOF
	}
	return p.run()
}

func (p *preprocessor) push(toks []*Token) {
	for i := len(toks) - 1; i >= 0; i-- {
		p.in = append(p.in, toks[i])
	}
}

func (p *preprocessor) next() *Token {
	t := p.in[len(p.in)-1]
	if t.Kind != TEOF {
		p.in = p.in[:len(p.in)-1]
	}
	return t
}

func (p *preprocessor) peek() *Token { return p.in[len(p.in)-1] }

func isHash(t *Token) bool { return t.AtBOL && !t.Macro && t.Kind == TPunct && t.Text == "#" }

func (p *preprocessor) run() []*Token {
	var out []*Token
	for {
		tok := p.next()
		switch {
		case tok.Kind == TEOF:
			if !p.endFile(tok) {
				return append(out, tok)
			}
		case isHash(tok):
			p.directive(tok)
		case p.expand(tok):
		case tok.Kind == tBad:
			p.errs.add(tok.Pos, "%s", tok.Bad)
		default:
			out = append(out, tok)
		}
	}
}

// endFile closes the innermost file at its TEOF; it reports whether an
// including file continues.
func (p *preprocessor) endFile(eof *Token) bool {
	base := 0
	if len(p.incl) > 0 {
		base = p.incl[len(p.incl)-1]
	}
	for len(p.conds) > base {
		c := p.conds[len(p.conds)-1]
		p.errs.add(c.tok.Pos, "unterminated conditional directive")
		p.conds = p.conds[:len(p.conds)-1]
	}
	if len(p.incl) == 0 {
		return false
	}
	p.incl = p.incl[:len(p.incl)-1]
	p.in = p.in[:len(p.in)-1] // drop this file's TEOF
	return true
}

// line returns the rest of the current directive line.
func (p *preprocessor) line() []*Token {
	var toks []*Token
	for t := p.peek(); !t.AtBOL; t = p.peek() {
		toks = append(toks, p.next())
	}
	return toks
}

// extra reports tokens after a directive that takes none.
func (p *preprocessor) extra(toks []*Token, name string) {
	if len(toks) > 0 {
		p.errs.add(toks[0].Pos, "extra tokens after #%s", name)
	}
}

func (p *preprocessor) directive(hash *Token) {
	name := p.peek()
	if name.AtBOL {
		return // the null directive
	}
	p.next()
	args := p.line()
	switch name.Text {
	case "define":
		p.define(name, args)
	case "undef":
		if id := p.macroName(name, args); id != nil {
			p.extra(args[1:], "undef")
			delete(p.macros, id.Text)
		}
	case "include":
		p.include(name, args)
	case "if":
		p.openIf(hash, p.evalIf(name, args))
	case "ifdef", "ifndef":
		id := p.macroName(name, args)
		if id != nil {
			p.extra(args[1:], name.Text)
		}
		def := id != nil && p.macros[id.Text] != nil
		p.openIf(hash, def == (name.Text == "ifdef"))
	case "elif", "else":
		p.elseGroup(name, args)
	case "endif":
		if len(p.conds) == 0 || len(p.incl) > 0 && len(p.conds) == p.incl[len(p.incl)-1] {
			p.errs.add(name.Pos, "#endif without #if")
			return
		}
		p.extra(args, "endif")
		p.conds = p.conds[:len(p.conds)-1]
	case "error":
		p.errs.add(hash.Pos, "#error %s", joinTokens(args))
	case "pragma":
		if len(args) == 1 && args[0].Text == "once" {
			p.once[name.Pos.File.Name] = true
		}
	case "warning":
		l, c := hash.Pos.LineCol()
		msg := fmt.Sprintf("%s:%d:%d: warning: #warning %s", hash.Pos.File.Name, l, c, joinTokens(args))
		if p.cfg.Warn != nil {
			p.cfg.Warn(msg)
		} else {
			fmt.Fprintln(os.Stderr, msg)
		}
	case "line":
		p.lineDirective(hash, name, args)
	case "ident":
		// Accepted and ignored.
	default:
		p.errs.add(name.Pos, "invalid preprocessing directive #%s", name.Text)
	}
}

// lineDirective is #line N ["NAME"]: the next line is line N of NAME for
// __LINE__ and __FILE__.
func (p *preprocessor) lineDirective(hash, name *Token, args []*Token) {
	args = p.expandAll(args)
	if len(args) == 0 || args[0].Kind != TNum || len(args) > 2 || len(args) == 2 && args[1].Kind != TStr {
		p.errs.add(name.Pos, "#line takes a line number and an optional \"file name\"")
		return
	}
	n, err := strconv.Atoi(args[0].Text)
	if err != nil || n <= 0 {
		p.errs.add(args[0].Pos, "#line %s: not a line number", args[0].Text)
		return
	}
	f := hash.Pos.File
	l, _ := hash.Pos.LineCol()
	f.lineDelta = n - (l + 1)
	if len(args) == 2 {
		f.lineName = string(args[1].Str)
	}
}

// macroName checks that a directive's first argument is an identifier.
func (p *preprocessor) macroName(dir *Token, args []*Token) *Token {
	if len(args) == 0 {
		p.errs.add(dir.Pos, "macro name missing in #%s", dir.Text)
		return nil
	}
	if args[0].Kind != TIdent {
		p.errs.add(args[0].Pos, "macro name must be an identifier")
		return nil
	}
	if args[0].Text == "defined" {
		p.errs.add(args[0].Pos, "\"defined\" cannot be used as a macro name")
		return nil
	}
	return args[0]
}

func (p *preprocessor) define(dir *Token, args []*Token) {
	id := p.macroName(dir, args)
	if id == nil {
		return
	}
	m := &macro{name: id.Text}
	body := args[1:]
	if len(body) > 0 && body[0].is("(") && !body[0].HasSpace {
		var ok bool
		m.funcLike = true
		body, ok = p.params(m, id, body[1:])
		if !ok {
			return
		}
	}
	if len(body) > 0 && (body[0].is("##") || body[len(body)-1].is("##")) {
		t := body[0]
		if !t.is("##") {
			t = body[len(body)-1]
		}
		p.errs.add(t.Pos, "'##' cannot appear at either end of a macro expansion")
		return
	}
	if m.funcLike {
		for i, t := range body {
			if t.is("#") && (i+1 == len(body) || m.param(body[i+1]) < 0) {
				p.errs.add(t.Pos, "'#' is not followed by a macro parameter")
				return
			}
		}
	}
	m.body = body
	p.macros[m.name] = m
}

// params parses a function-like macro's parameter list and returns the body.
func (p *preprocessor) params(m *macro, id *Token, toks []*Token) ([]*Token, bool) {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.is(")") && len(m.params) == 0 && !m.variadic {
			return toks[i+1:], true
		}
		switch {
		case t.is("..."):
			m.variadic = true
			m.params = append(m.params, "__VA_ARGS__")
		case t.Kind == TIdent:
			m.params = append(m.params, t.Text)
		default:
			p.errs.add(t.Pos, "expected parameter name, found %q", t.Text)
			return nil, false
		}
		if i+1 < len(toks) && toks[i+1].is(")") {
			return toks[i+2:], true
		}
		if m.variadic || i+1 == len(toks) || !toks[i+1].is(",") {
			break
		}
		i++
	}
	p.errs.add(id.Pos, "missing ')' in parameter list of macro %s", id.Text)
	return nil, false
}

func (m *macro) param(t *Token) int {
	if t.Kind != TIdent {
		return -1
	}
	for i, name := range m.params {
		if name == t.Text {
			return i
		}
	}
	return -1
}

func (p *preprocessor) openIf(hash *Token, take bool) {
	p.conds = append(p.conds, &cond{tok: hash, included: take})
	if !take {
		p.skip()
	}
}

func (p *preprocessor) elseGroup(dir *Token, args []*Token) {
	base := 0
	if len(p.incl) > 0 {
		base = p.incl[len(p.incl)-1]
	}
	if len(p.conds) == base {
		p.errs.add(dir.Pos, "#%s without #if", dir.Text)
		return
	}
	c := p.conds[len(p.conds)-1]
	if c.sawElse {
		p.errs.add(dir.Pos, "#%s after #else", dir.Text)
	}
	if dir.Text == "else" {
		p.extra(args, "else")
		c.sawElse = true
		if !c.included {
			c.included = true
			return
		}
	} else if !c.included && p.evalIf(dir, args) {
		c.included = true
		return
	}
	p.skip()
}

// skip discards a group whose condition is false, up to the #elif, #else or
// #endif that ends it, which is left for directive to process.
func (p *preprocessor) skip() {
	depth := 0
	for {
		t := p.next()
		if t.Kind == TEOF {
			return // endFile reports the open #if
		}
		if !isHash(t) || p.peek().AtBOL {
			continue
		}
		switch p.peek().Text {
		case "if", "ifdef", "ifndef":
			depth++
		case "elif", "else", "endif":
			if depth == 0 {
				p.in = append(p.in, t)
				return
			}
			if p.peek().Text == "endif" {
				depth--
			}
		}
	}
}

func (p *preprocessor) include(dir *Token, args []*Token) {
	if len(args) > 0 && args[0].Kind == TIdent {
		args = p.expandAll(args)
	}
	if len(args) == 0 {
		p.errs.add(dir.Pos, "#include expects \"FILENAME\" or <FILENAME>")
		return
	}
	var name string
	quoted := args[0].Kind == TStr
	switch {
	case quoted:
		name = args[0].Text[1 : len(args[0].Text)-1]
		p.extra(args[1:], "include")
	case args[0].is("<"):
		i := 1
		for i < len(args) && !args[i].is(">") {
			if i > 1 && args[i].HasSpace {
				name += " "
			}
			name += args[i].Text
			i++
		}
		if i == len(args) {
			p.errs.add(args[0].Pos, "missing '>' in #include")
			return
		}
		p.extra(args[i+1:], "include")
	default:
		p.errs.add(args[0].Pos, "#include expects \"FILENAME\" or <FILENAME>")
		return
	}
	p.includeFile(dir, name, quoted)
}

func (p *preprocessor) includeFile(dir *Token, name string, quoted bool) {
	from := dir.Pos.File
	if from.Depth >= maxIncludeDepth {
		p.errs.add(dir.Pos, "#include nested too deeply")
		return
	}
	var dirs []string
	if quoted {
		dirs = append(dirs, filepath.Dir(from.Name))
	}
	dirs = append(dirs, p.cfg.IncludeDirs...)
	dirs = append(dirs, p.cfg.SysDirs...)
	read := p.cfg.ReadFile
	if read == nil {
		read = os.ReadFile
	}
	for _, d := range dirs {
		path := name
		if !filepath.IsAbs(name) {
			path = filepath.Join(d, name)
		}
		data, err := read(path)
		if err != nil {
			continue
		}
		if p.once[path] {
			return
		}
		f := NewFile(path, string(data))
		f.Depth = from.Depth + 1
		p.incl = append(p.incl, len(p.conds))
		p.push(Tokenize(f, p.errs))
		return
	}
	p.errs.fatal = true
	p.errs.add(dir.Pos, "%s: file not found", name)
}

func joinTokens(toks []*Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.HasSpace {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func (p *preprocessor) defineBuiltins() {
	p.macros["__LINE__"] = &macro{name: "__LINE__", builtin: func(t *Token) *Token {
		l, _ := t.Pos.LineCol()
		if t.Pos.File != nil {
			l += t.Pos.File.lineDelta
		}
		return &Token{Kind: TNum, Text: strconv.Itoa(l), Pos: t.Pos}
	}}
	p.macros["__FILE__"] = &macro{name: "__FILE__", builtin: func(t *Token) *Token {
		name := "<builtin>"
		if t.Pos.File != nil {
			name = t.Pos.File.Name
			if t.Pos.File.lineName != "" {
				name = t.Pos.File.lineName
			}
		}
		return &Token{Kind: TStr, Text: strconv.Quote(name), Str: []byte(name), Pos: t.Pos}
	}}
	for _, d := range [][2]string{{"__STDC__", "1"}, {"__STDC_VERSION__", "199901L"}, {"__v6vm__", "1"}} {
		p.macros[d[0]] = &macro{name: d[0], body: []*Token{{Kind: TNum, Text: d[1]}}}
	}
}

// FormatTokens prints preprocessed tokens as text (cc -E): one source line
// per output line, with single spaces where the source had white space.
func FormatTokens(toks []*Token) string {
	var b strings.Builder
	for i, t := range toks {
		if t.Kind == TEOF {
			break
		}
		if i > 0 && t.AtBOL {
			b.WriteByte('\n')
		} else if i > 0 && t.HasSpace {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	return b.String()
}
