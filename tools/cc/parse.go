package cc

import (
	"fmt"
	"strings"
)

// isKeyword reports whether name is a C keyword (with the GNU spellings
// headers use).
func isKeyword(name string) bool {
	switch name {
	case "auto", "break", "case", "char", "const", "continue", "default", "do", "double",
		"else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long",
		"register", "restrict", "return", "short", "signed", "sizeof", "static", "struct",
		"switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Bool",
		"_Alignof", "_Noreturn", "__inline", "__restrict", "__volatile__", "_Complex", "_Imaginary":
		return true
	}
	return false
}

// convertTokens turns preprocessing tokens into C tokens: keywords, typed
// numbers, and adjacent string literals joined.
func convertTokens(toks []*Token, errs *errorList) []*Token {
	var out []*Token
	for _, t := range toks {
		switch t.Kind {
		case TIdent:
			if isKeyword(t.Text) {
				t.Kind = TKeyword
			}
		case TNum:
			convertNumber(t, errs)
		case TChar:
			t.Ty = tyInt
		case TStr:
			if n := len(out); n > 0 && out[n-1].Kind == TStr {
				prev := *out[n-1]
				prev.Str = append(append([]byte(nil), prev.Str...), t.Str...)
				prev.Ty = arrayOf(tyChar, len(prev.Str)+1)
				out[n-1] = &prev
				continue
			}
			t.Ty = arrayOf(tyChar, len(t.Str)+1)
		}
		out = append(out, t)
	}
	return out
}

// convertNumber gives an integer constant its value and type, with C90's
// rules for our 32-bit int and long (there is no long long).
func convertNumber(t *Token, errs *errorList) {
	v, suffix, ok := parseInt(t.Text)
	t.Ty = tyInt
	if !ok {
		if strings.ContainsAny(t.Text, ".eEpP") && !strings.HasPrefix(t.Text, "0x") || strings.ContainsAny(t.Text, ".pP") {
			errs.add(t.Pos, "floating-point constants are not supported")
		} else {
			errs.add(t.Pos, "invalid integer constant %s", t.Text)
		}
		return
	}
	if strings.Contains(suffix, "ll") {
		errs.add(t.Pos, "long long is not supported")
	}
	if v > 0xFFFFFFFF {
		errs.add(t.Pos, "integer constant %s is too large", t.Text)
	}
	t.Val = int64(uint32(v))
	decimal := t.Text[0] != '0' || len(t.Text) == 1
	unsigned := strings.Contains(suffix, "u")
	long := strings.Contains(suffix, "l")
	switch {
	case unsigned && long:
		t.Ty = tyULong
	case unsigned:
		t.Ty = tyUInt
	case v > 0x7FFFFFFF && (long || decimal):
		t.Ty = tyULong
	case v > 0x7FFFFFFF:
		t.Ty = tyUInt
	case long:
		t.Ty = tyLong
	}
	if t.Ty.Unsigned {
		return
	}
	t.Val = int64(int32(t.Val))
}

// A scope holds the identifiers and tags declared in one block.
type scope struct {
	vars map[string]*ident
	tags map[string]*Type
}

// An ident is what a name in the ordinary name space denotes.
type ident struct {
	obj     *Obj
	typedef *Type
	enumTy  *Type
	enumVal int64
}

// A parser builds the typed syntax tree of one translation unit.
type parser struct {
	toks   []*Token
	pos    int
	errs   *errorList
	scopes []*scope
	prog   *Program
	byName map[string]*Obj // file-scope objects, by name

	fn       *Obj // function being parsed
	labels   map[string]*Node
	gotos    []*Node
	brk      *Node // innermost loop or switch
	cont     *Node // innermost loop
	sw       *Node // innermost switch
	nextName int   // counter for unique names of static locals and strings
	depth    int   // recursion depth, bounded by maxNesting
}

// maxNesting bounds the parsers' recursion: macros can build inputs far
// deeper than anyone writes, and Go's stack overflow cannot be recovered.
const maxNesting = 1000

// nest counts one level of recursion, reporting too deep a nesting; call as
// defer p.nest()().
func (p *parser) nest() func() {
	p.depth++
	if p.depth > maxNesting {
		p.errorAt(p.peek(), "nested too deeply")
		panic(errTooMany) // abandon the unit: recovery would nest again
	}
	return func() { p.depth-- }
}

// bailout unwinds a syntax error to the statement or declaration being
// parsed, which resynchronises.
type bailout struct{}

// Parse checks preprocessed tokens and returns the program or every
// diagnostic found.
func Parse(toks []*Token) (*Program, error) {
	errs := &errorList{}
	prog := parse(toks, errs)
	return prog, errs.err()
}

func parse(toks []*Token, errs *errorList) (prog *Program) {
	p := &parser{errs: errs, prog: &Program{}, byName: map[string]*Obj{}}
	p.enterScope()
	defer func() {
		if r := recover(); r != nil {
			rethrow(r)
		}
		prog = p.prog
	}()
	p.toks = convertTokens(toks, errs) // may hit the error limit too
	for p.peek().Kind != TEOF {
		p.topLevel()
	}
	return p.prog
}

func (p *parser) peek() *Token { return p.toks[p.pos] }

func (p *parser) peekN(n int) *Token {
	if p.pos+n < len(p.toks) {
		return p.toks[p.pos+n]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) next() *Token {
	t := p.toks[p.pos]
	if t.Kind != TEOF {
		p.pos++
	}
	return t
}

func (p *parser) at(s string) bool {
	t := p.peek()
	return (t.Kind == TPunct || t.Kind == TKeyword) && t.Text == s
}

func (p *parser) accept(s string) bool {
	if p.at(s) {
		p.pos++
		return true
	}
	return false
}

func (p *parser) errorAt(t *Token, format string, args ...any) {
	p.errs.add(t.Pos, format, args...)
}

// syntaxError reports a parse error at the current token and bails out.
func (p *parser) syntaxError(format string, args ...any) {
	p.errorAt(p.peek(), format, args...)
	panic(bailout{})
}

func describe(t *Token) string {
	if t.Kind == TEOF {
		return "end of file"
	}
	return fmt.Sprintf("'%s'", t.Text)
}

func (p *parser) expect(s string) *Token {
	if !p.at(s) {
		t := p.peek()
		if prev := p.prevToken(); prev != nil && (t.AtBOL || t.Kind == TEOF) && !prev.Macro && s == ";" {
			// A ';' forgotten at the end of a line: point there, as gcc
			// does, not at the next line's first token.
			p.errs.add(Pos{prev.Pos.File, prev.Pos.Offset + len(prev.Text)}, "expected ';' before %s", describe(t))
			panic(bailout{})
		}
		p.syntaxError("expected '%s', found %s", s, describe(t))
	}
	return p.next()
}

func (p *parser) prevToken() *Token {
	if p.pos == 0 {
		return nil
	}
	return p.toks[p.pos-1]
}

func (p *parser) ident() *Token {
	if p.peek().Kind != TIdent {
		p.syntaxError("expected identifier, found %s", describe(p.peek()))
	}
	return p.next()
}

// recoverTo catches a bailout and skips to a token where parsing can resume:
// past the next ';' at this nesting level, or before a '}' closing it.
func (p *parser) recoverTo(start int, fileScope bool) {
	r := recover()
	if r == nil {
		return
	}
	if _, ok := r.(bailout); !ok {
		panic(r)
	}
	defer func() {
		// A block cannot start a file-scope declaration: it is the body
		// of the function whose header was bad, so skip it too.
		if fileScope && p.at("{") {
			p.skipBlock()
		}
	}()
	if p.pos == start {
		p.next() // make progress
	}
	p.skipRest(start, p.isTypenameAt(start))
}

// skipRest skips the rest of the statement or declaration that began at
// start: to the next ';' outside braces, or past the '}' that closes a
// block opened since start. In a declaration, a '}' closing a struct body
// or an initializer (not a function body, which follows ')') does not end
// it: its declarators and ';' follow.
func (p *parser) skipRest(start int, decl bool) {
	depth, body := 0, false
	open := func(i int) {
		if depth == 0 {
			body = i > 0 && p.toks[i-1].is(")")
		}
		depth++
	}
	for i := start; i < p.pos; i++ {
		if p.toks[i].is("{") {
			open(i)
		} else if p.toks[i].is("}") && depth > 0 {
			depth--
		}
	}
	for {
		t := p.peek()
		switch {
		case t.Kind == TEOF:
			return
		case t.is("{"):
			open(p.pos)
		case t.is("}"):
			if depth == 0 {
				return
			}
			depth--
			if depth == 0 && (!decl || body) {
				p.next()
				return
			}
		case t.is(";") && depth == 0:
			p.next()
			return
		}
		p.next()
	}
}

// isTypenameAt reports whether the token at i starts a declaration.
func (p *parser) isTypenameAt(i int) bool {
	save := p.pos
	p.pos = i
	defer func() { p.pos = save }()
	return p.isTypename()
}

// skipBlock skips a balanced { ... }.
func (p *parser) skipBlock() {
	depth := 0
	for t := p.peek(); t.Kind != TEOF; t = p.peek() {
		p.next()
		if t.is("{") {
			depth++
		} else if t.is("}") {
			if depth--; depth == 0 {
				return
			}
		}
	}
}

func (p *parser) enterScope() {
	p.scopes = append(p.scopes, &scope{vars: map[string]*ident{}, tags: map[string]*Type{}})
}

func (p *parser) leaveScope() { p.scopes = p.scopes[:len(p.scopes)-1] }

func (p *parser) top() *scope { return p.scopes[len(p.scopes)-1] }

func (p *parser) lookup(name string) *ident {
	for i := len(p.scopes) - 1; i >= 0; i-- {
		if id := p.scopes[i].vars[name]; id != nil {
			return id
		}
	}
	return nil
}

func (p *parser) lookupTag(name string) *Type {
	for i := len(p.scopes) - 1; i >= 0; i-- {
		if t := p.scopes[i].tags[name]; t != nil {
			return t
		}
	}
	return nil
}

// declare puts name into the current scope, reporting a redeclaration in
// the same scope unless allowed (compatible file-scope declarations).
func (p *parser) declare(name *Token, id *ident) {
	if old := p.top().vars[name.Text]; old != nil {
		if old.typedef != nil && id.typedef != nil && compatible(old.typedef, id.typedef) {
			return
		}
		p.errorAt(name, "redeclaration of '%s'", name.Text)
	}
	p.top().vars[name.Text] = id
}

func (p *parser) uniqueName(prefix string) string {
	p.nextName++
	return fmt.Sprintf("%s.%d", prefix, p.nextName)
}

// topLevel parses one file-scope declaration or function definition.
func (p *parser) topLevel() {
	defer p.recoverTo(p.pos, true)
	if p.accept(";") {
		return // an empty declaration, as after recovering from an error
	}
	base, attr := p.declspec()
	if p.accept(";") {
		return
	}
	first := true
	for !p.accept(";") {
		if !first {
			p.declSep()
		}
		ty, name, readOnly := p.declarator(base, attr.isConst)
		if name == nil {
			p.errorAt(p.peek(), "expected identifier in declaration")
			panic(bailout{})
		}
		switch {
		case attr.typedef:
			p.declare(name, &ident{typedef: ty})
		case ty.Kind == TyFunc && first && p.at("{"):
			p.function(ty, name, attr)
			return
		case ty.Kind == TyFunc:
			p.declareFunc(ty, name, attr)
		default:
			p.globalVar(ty, name, attr).ReadOnly = readOnly
		}
		first = false
	}
}

// declSpec records storage classes and const from the declaration specifiers.
type declSpec struct {
	typedef, static, extern bool
	isConst                 bool
	inline                  bool
}

// checkOrdinary reports a file-scope object named like a typedef or an
// enumerator.
func (p *parser) checkOrdinary(name *Token) {
	if id := p.scopes[0].vars[name.Text]; id != nil && id.obj == nil {
		p.errorAt(name, "redeclaration of '%s'", name.Text)
	}
}

// declareFunc declares (or finds) the function named ty.Name.
func (p *parser) declareFunc(ty *Type, name *Token, attr declSpec) *Obj {
	p.checkOrdinary(name)
	if old := p.byName[name.Text]; old != nil {
		if !old.IsFunc {
			p.errorAt(name, "'%s' redeclared as a different kind of symbol", name.Text)
		} else if !compatible(old.Ty, ty) {
			p.errorAt(name, "conflicting types for '%s'", name.Text)
		} else if old.Ty.OldStyle && !ty.OldStyle {
			old.Ty = ty // the prototype is the better description
		}
		p.scopes[0].vars[name.Text] = &ident{obj: old}
		if len(p.scopes) > 1 {
			p.top().vars[name.Text] = &ident{obj: old}
		}
		return old
	}
	fn := &Obj{Name: name.Text, Tok: name, Ty: ty, IsFunc: true, Static: attr.static, Extern: true}
	p.byName[name.Text] = fn
	p.prog.Objs = append(p.prog.Objs, fn)
	p.scopes[0].vars[name.Text] = &ident{obj: fn}
	if len(p.scopes) > 1 {
		p.top().vars[name.Text] = &ident{obj: fn}
	}
	return fn
}

// globalVar declares a file-scope variable and parses its initialiser.
func (p *parser) globalVar(ty *Type, name *Token, attr declSpec) *Obj {
	p.checkOrdinary(name)
	obj := p.byName[name.Text]
	switch {
	case obj == nil:
		obj = &Obj{Name: name.Text, Tok: name, Ty: ty, Static: attr.static, Extern: attr.extern}
		p.byName[name.Text] = obj
		p.prog.Objs = append(p.prog.Objs, obj)
	case obj.IsFunc:
		p.errorAt(name, "'%s' redeclared as a different kind of symbol", name.Text)
		return &Obj{Name: name.Text, Ty: ty}
	case !compatible(obj.Ty, ty):
		p.errorAt(name, "conflicting types for '%s'", name.Text)
	case obj.Ty.Size < 0:
		obj.Ty = ty // int a[]; then int a[3];
	}
	p.scopes[0].vars[name.Text] = &ident{obj: obj}
	if !attr.extern {
		obj.Extern = false
	}
	if p.accept("=") {
		if obj.Defined && obj.Init != nil {
			p.errorAt(name, "redefinition of '%s'", name.Text)
		}
		obj.Extern, obj.Defined = false, true
		p.globalInit(obj)
	}
	if !obj.Extern && obj.Ty.Size < 0 {
		if obj.Ty.Kind == TyArray && obj.Ty.Len < 0 {
			obj.Ty = arrayOf(obj.Ty.Base, 1) // a tentative int a[]; has one element
		} else if p.at(";") || p.at(",") {
			p.errorAt(name, "storage size of '%s' isn't known", name.Text)
		}
	}
	if ty.Kind == TyVoid {
		p.errorAt(name, "variable '%s' declared void", name.Text)
	}
	return obj
}

// function parses a function definition whose declarator is ty.
func (p *parser) function(ty *Type, name *Token, attr declSpec) {
	fn := p.declareFunc(ty, name, attr)
	if fn.Defined {
		p.errorAt(name, "redefinition of '%s'", fn.Name)
	}
	fn.Ty, fn.Tok, fn.Defined, fn.Extern = ty, name, true, false
	// A C99 inline definition provides no external definition; each unit
	// that includes it gets its own copy, so it never clashes at link time.
	fn.Static = fn.Static || attr.static || attr.inline && !attr.extern
	fn.Params, fn.Locals = nil, nil
	p.fn, p.labels, p.gotos = fn, map[string]*Node{}, nil
	p.enterScope()
	for i, pt := range ty.Params {
		pname := ty.paramNames[i]
		if pname == nil {
			p.errorAt(name, "parameter %d of '%s' has no name", i+1, fn.Name)
			continue
		}
		if pt.Size < 0 {
			p.errorAt(pname, "parameter '%s' has incomplete type", pname.Text)
		}
		v := &Obj{Name: pname.Text, Tok: pname, Ty: pt, Local: true}
		fn.Params = append(fn.Params, v)
		p.declare(pname, &ident{obj: v})
	}
	if ty.Return.Kind != TyVoid && ty.Return.Size < 0 {
		p.errorAt(name, "return type is an incomplete type")
	}
	fn.Body = p.compound()
	fn.End = p.toks[p.pos-1]
	if fn.Name == "main" && ty.Return.Kind == TyInt {
		// C99 5.1.2.2.3: reaching the } that ends main returns 0.
		end := fn.End
		fn.Body.Body = append(fn.Body.Body, &Node{Kind: NReturn, Tok: end, L: num(end, tyInt, 0)})
	}
	p.leaveScope()
	for _, g := range p.gotos {
		if p.labels[g.Label] == nil {
			p.errorAt(g.Tok, "label '%s' used but not defined", g.Label)
		}
	}
	p.fn = nil
}

// isTypename reports whether the current token starts a declaration.
func (p *parser) isTypename() bool {
	t := p.peek()
	if t.Kind == TKeyword {
		switch t.Text {
		case "void", "_Bool", "char", "short", "int", "long", "float", "double", "signed",
			"unsigned", "struct", "union", "enum", "typedef", "static", "extern", "auto",
			"register", "const", "volatile", "restrict", "inline", "_Noreturn", "__inline",
			"__restrict", "_Complex":
			return true
		}
		return false
	}
	if t.Kind == TIdent {
		id := p.lookup(t.Text)
		return id != nil && id.typedef != nil
	}
	return false
}
