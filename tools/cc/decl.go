package cc

// Type specifier counters, as in chibicc: each keyword adds its unit, so
// "unsigned long int" is one sum and "long long" is LONG+LONG.
const (
	specVoid     = 1 << 0
	specBool     = 1 << 2
	specChar     = 1 << 4
	specShort    = 1 << 6
	specInt      = 1 << 8
	specLong     = 1 << 10
	specOther    = 1 << 12
	specSigned   = 1 << 13
	specUnsigned = 1 << 14
)

// specUnit is what a type keyword adds to the specifier counter.
func specUnit(kw string) int {
	switch kw {
	case "void":
		return specVoid
	case "_Bool":
		return specBool
	case "char":
		return specChar
	case "short":
		return specShort
	case "int":
		return specInt
	case "long":
		return specLong
	case "signed":
		return specSigned
	case "unsigned":
		return specUnsigned
	}
	return 0
}

// specType maps a specifier counter to its type.
func specType(counter int) (*Type, bool) {
	switch counter {
	case specVoid:
		return tyVoid, true
	case specBool:
		return tyBool, true
	case specChar, specSigned + specChar:
		return tyChar, true
	case specUnsigned + specChar:
		return tyUChar, true
	case specShort, specShort + specInt, specSigned + specShort, specSigned + specShort + specInt:
		return tyShort, true
	case specUnsigned + specShort, specUnsigned + specShort + specInt:
		return tyUShort, true
	case specInt, specSigned, specSigned + specInt:
		return tyInt, true
	case specUnsigned, specUnsigned + specInt:
		return tyUInt, true
	case specLong, specLong + specInt, specSigned + specLong, specSigned + specLong + specInt:
		return tyLong, true
	case specUnsigned + specLong, specUnsigned + specLong + specInt:
		return tyULong, true
	}
	return nil, false
}

// declspec parses declaration specifiers: storage classes, qualifiers and
// one type.
func (p *parser) declspec() (*Type, declSpec) {
	var attr declSpec
	var ty *Type
	counter := 0
	start := p.peek()
	for p.isTypename() {
		t := p.peek()
		if p.storageOrQualifier(t, &attr) {
			continue
		}
		if t.Kind == TIdent && counter > 0 {
			break // a typedef name after a type is the declarator's name
		}
		p.next()
		ty, counter = p.typeSpecifier(t, counter)
	}
	if counter == 0 {
		if attr != (declSpec{}) || p.at("*") {
			p.errorAt(start, "type specifier missing")
		} else {
			p.syntaxError("expected declaration, found %s", describe(p.peek()))
		}
		ty = tyInt
	}
	if attr.typedef && (attr.static || attr.extern) {
		p.errorAt(start, "typedef cannot be combined with a storage class")
	}
	return ty, attr
}

// storageOrQualifier consumes a storage class or qualifier, recording the
// storage classes that matter; qualifiers change nothing in our code.
func (p *parser) storageOrQualifier(t *Token, attr *declSpec) bool {
	switch t.Text {
	case "typedef", "static", "extern", "auto", "register":
		attr.typedef = attr.typedef || t.Text == "typedef"
		attr.static = attr.static || t.Text == "static"
		attr.extern = attr.extern || t.Text == "extern"
	case "const":
		attr.isConst = true
	case "inline", "__inline":
		attr.inline = true
	case "volatile", "restrict", "_Noreturn", "__restrict":
	default:
		return false
	}
	p.next()
	return true
}

// typeSpecifier applies the type specifier t (already consumed) to the
// running counter and returns the type so far.
func (p *parser) typeSpecifier(t *Token, counter int) (*Type, int) {
	switch {
	case t.Text == "float" || t.Text == "double" || t.Text == "_Complex":
		p.errorAt(t, "floating-point types are not supported")
		return tyInt, counter + specInt
	case t.Text == "struct" || t.Text == "union" || t.Text == "enum":
		if counter > 0 {
			p.errorAt(t, "two or more data types in declaration specifiers")
			panic(bailout{})
		}
		if t.Text == "enum" {
			return p.enumSpec(), specOther
		}
		return p.structSpec(t.Text == "union"), specOther
	case t.Kind == TIdent:
		return p.lookup(t.Text).typedef, counter + specOther
	}
	counter += specUnit(t.Text)
	if counter&(specLong*3) == specLong*2 {
		p.errorAt(t, "long long is not supported")
		counter -= specLong
	}
	ty, ok := specType(counter)
	if !ok {
		p.errorAt(t, "invalid combination of type specifiers")
		panic(bailout{})
	}
	return ty, counter
}

// declarator parses a (possibly abstract) declarator over base and returns
// the declared type and name (nil when abstract).
//
// constBase says the specifiers included const. Qualifiers are kept only
// where assignments are checked: a pointer type records that its target is
// const, and readOnly says the declared object itself is.
func (p *parser) declarator(base *Type, constBase bool) (ty *Type, name *Token, readOnly bool) {
	defer p.nest()()
	ty, readOnly = base, constBase
	for p.accept("*") {
		ty = pointerTo(ty)
		ty.ConstBase, readOnly = readOnly, false
		for {
			if p.accept("const") {
				readOnly = true
			} else if !p.accept("volatile") && !p.accept("restrict") && !p.accept("__restrict") {
				break
			}
		}
	}
	if p.at("(") && !p.parenIsParams() {
		// Nested declarator, e.g. (*fp)(int): parse the suffix that follows
		// the parentheses first, then the inside over the resulting type.
		p.next()
		start := p.pos
		p.skipDeclarator()
		p.expect(")")
		ty = p.typeSuffix(ty)
		end := p.pos
		p.pos = start
		inner, name, ro := p.declarator(ty, readOnly)
		p.expect(")")
		p.pos = end
		return inner, name, ro
	}
	if p.peek().Kind == TIdent {
		name = p.next()
	}
	return p.typeSuffix(ty), name, readOnly
}

// parenIsParams tells a parameter list "(int)" or "()" from a nested
// declarator "(*p)" in an abstract declarator.
func (p *parser) parenIsParams() bool {
	next := p.peekN(1)
	if next.is(")") || next.is("...") {
		return true
	}
	save := p.pos
	p.pos++
	is := p.isTypename()
	p.pos = save
	return is
}

// skipDeclarator moves past a nested declarator without building it.
func (p *parser) skipDeclarator() {
	depth := 0
	for {
		t := p.peek()
		switch {
		case t.Kind == TEOF:
			return
		case t.is("(") || t.is("["):
			depth++
		case t.is(")") || t.is("]"):
			if depth == 0 {
				return
			}
			depth--
		}
		p.next()
	}
}

// typeSuffix parses array dimensions and function parameters.
func (p *parser) typeSuffix(ty *Type) *Type {
	defer p.nest()()
	if p.at("(") {
		p.next()
		return p.params(ty)
	}
	if p.at("[") {
		open := p.next()
		for p.accept("static") || p.accept("const") {
		}
		n := -1
		if !p.at("]") {
			e := p.conditional()
			v, ok := p.constValue(e)
			switch {
			case !ok:
				p.errorAt(e.Tok, "array size is not an integer constant")
				n = 1
			case v < 0:
				p.errorAt(e.Tok, "size of array is negative")
				n = 1
			default:
				n = int(v)
			}
		}
		p.expect("]")
		elem := p.typeSuffix(ty)
		if elem.Size < 0 {
			p.errorAt(open, "array has incomplete element type '%s'", elem)
		}
		if elem.Kind == TyFunc {
			p.errorAt(open, "declaration of an array of functions")
		}
		return p.checkSize(arrayOf(elem, n), open)
	}
	return ty
}

// maxObjectSize bounds objects to what could ever fit the machine's memory,
// which also keeps sizes far from overflowing.
const maxObjectSize = 1 << 26

func (p *parser) checkSize(ty *Type, tok *Token) *Type {
	if ty.Size > maxObjectSize || ty.Len > maxObjectSize {
		p.errorAt(tok, "array is too large (%d bytes)", ty.Size)
		return arrayOf(ty.Base, 1)
	}
	return ty
}

// params parses a parameter list after '(' and returns the function type.
func (p *parser) params(ret *Type) *Type {
	fn := funcType(ret)
	if ret.Kind == TyArray || ret.Kind == TyFunc {
		p.errorAt(p.peek(), "function cannot return %s", map[bool]string{true: "an array", false: "a function"}[ret.Kind == TyArray])
	}
	if p.accept(")") {
		fn.OldStyle = true
		return fn
	}
	if p.at("void") && p.peekN(1).is(")") {
		p.next()
		p.next()
		return fn
	}
	for !p.accept(")") {
		if len(fn.Params) > 0 {
			p.expect(",")
		}
		if p.accept("...") {
			fn.Variadic = true
			p.expect(")")
			break
		}
		if len(fn.Params) == 0 && p.peek().Kind == TIdent && !p.isTypename() {
			p.syntaxError("old-style (K&R) parameter lists are not supported; declare each parameter's type")
		}
		base, attr := p.declspec()
		ty, name, _ := p.declarator(base, attr.isConst)
		switch ty.Kind {
		case TyArray:
			ty = pointerTo(ty.Base)
		case TyFunc:
			ty = pointerTo(ty)
		case TyVoid:
			p.errorAt(p.peek(), "parameter has void type")
		}
		fn.Params = append(fn.Params, ty)
		fn.paramNames = append(fn.paramNames, name)
	}
	return fn
}

// typename parses a type name, as in casts and sizeof.
func (p *parser) typename() *Type {
	base, attr := p.declspec()
	if attr.typedef || attr.static || attr.extern {
		p.errorAt(p.peek(), "storage class in a type name")
	}
	ty, name, _ := p.declarator(base, attr.isConst)
	if name != nil {
		p.errorAt(name, "unexpected name '%s' in a type name", name.Text)
	}
	return ty
}

// structSpec parses a struct or union specifier after its keyword.
func (p *parser) structSpec(union bool) *Type {
	kind, kw := TyStruct, "struct"
	if union {
		kind, kw = TyUnion, "union"
	}
	var tag *Token
	if p.peek().Kind == TIdent {
		tag = p.next()
	}
	if tag != nil && !p.at("{") {
		if t := p.lookupTag(tag.Text); t != nil && !(p.at(";") && p.top().tags[tag.Text] == nil) {
			if t.Kind != kind {
				p.errorAt(tag, "'%s' defined as wrong kind of tag", tag.Text)
			}
			return t
		}
		t := &Type{Kind: kind, Size: -1, Align: 1, Tag: tag.Text}
		p.top().tags[tag.Text] = t
		return t
	}
	brace := p.expect("{")
	ty := &Type{Kind: kind, Size: -1, Align: 1}
	if tag != nil {
		ty.Tag = tag.Text
		old := p.top().tags[tag.Text]
		switch {
		case old == nil:
			p.top().tags[tag.Text] = ty
		case old.Complete || old.Kind != kind:
			p.errorAt(tag, "redefinition of '%s %s'", kw, tag.Text)
		default:
			ty = old // complete the forward declaration in place
		}
	}
	ty.Members = p.members(brace)
	layout(ty)
	if ty.Size > maxObjectSize {
		p.errorAt(brace, "%s is too large (%d bytes)", kw, ty.Size)
		ty.Size = maxObjectSize
	}
	return ty
}

// members parses a struct or union body after '{'.
func (p *parser) members(brace *Token) []*Member {
	var mems []*Member
	seen := map[string]bool{}
	for !p.accept("}") {
		if p.peek().Kind == TEOF {
			p.syntaxError("expected '}', found end of file")
		}
		base, attr := p.declspec()
		for first := true; !p.accept(";"); first = false {
			if !first {
				p.declSep()
			}
			ty, name, _ := p.declarator(base, attr.isConst)
			if p.at(":") {
				m := p.bitField(ty, name)
				if m.Name != "" && seen[m.Name] {
					p.errorAt(name, "duplicate member '%s'", name.Text)
				}
				seen[m.Name] = true
				mems = append(mems, m)
				continue
			}
			if name == nil {
				p.syntaxError("expected member name")
			}
			if seen[name.Text] {
				p.errorAt(name, "duplicate member '%s'", name.Text)
			}
			seen[name.Text] = true
			flexible := ty.Kind == TyArray && ty.Len < 0 && p.at(";") && p.peekN(1).is("}")
			if flexible {
				ty = arrayOf(ty.Base, 0)
			}
			if ty.Size < 0 || ty.Kind == TyFunc {
				p.errorAt(name, "member '%s' has incomplete type", name.Text)
				ty = tyInt
			}
			mems = append(mems, &Member{Name: name.Text, Ty: ty, Tok: name})
		}
	}
	named := 0
	for _, m := range mems {
		if m.Name != "" {
			named++
		}
	}
	if named == 0 {
		p.errorAt(brace, "struct or union has no named members")
	}
	return mems
}

// declSep expects the ',' between declarators (the caller took ';').
func (p *parser) declSep() {
	if !p.accept(",") {
		p.syntaxError("expected ',' or ';', found %s", describe(p.peek()))
	}
}

// bitField parses ": width" after a member declarator.
func (p *parser) bitField(ty *Type, name *Token) *Member {
	colon := p.next()
	e := p.conditional()
	w, ok := p.constValue(e)
	m := &Member{Ty: ty, Tok: colon, BitWidth: int(w)}
	if name != nil {
		m.Name, m.Tok = name.Text, name
	}
	switch {
	case !ty.isInteger():
		p.errorAt(m.Tok, "bit-field '%s' has invalid type '%s'", m.Name, ty)
		m.Ty, m.BitWidth = tyInt, 1
	case !ok || w < 0:
		p.errorAt(e.Tok, "bit-field width is not a non-negative integer constant")
		m.BitWidth = 1
	case w > int64(ty.Size*8):
		p.errorAt(e.Tok, "width of bit-field '%s' exceeds its type", m.Name)
		m.BitWidth = ty.Size * 8
	case w == 0 && name != nil:
		p.errorAt(e.Tok, "zero width for bit-field '%s'", m.Name)
		m.BitWidth = 1
	}
	if m.BitWidth == 0 {
		m.BitWidth = -1 // ":0" only aligns the next field
	}
	return m
}

// layout computes member offsets, size and alignment, with the C rules the
// back end's StructOf and UnionOf also use, and the System V i386 rules for
// bit-fields (as gcc): a bit-field goes at the next free bit unless it would
// cross a boundary of its type's size, unnamed ones do not align the struct,
// and ":0" skips to the next boundary.
func layout(ty *Type) {
	bits, align, size := 0, 1, 0
	for _, m := range ty.Members {
		unit := m.Ty.Size * 8
		switch {
		case m.BitWidth < 0:
			bits = alignTo(bits, unit)
			continue
		case m.BitWidth > 0 && ty.Kind == TyUnion:
			m.Offset, m.BitOff = 0, 0
			size = max(size, m.Ty.Size)
		case m.BitWidth > 0:
			if bits/unit != (bits+m.BitWidth-1)/unit {
				bits = alignTo(bits, unit)
			}
			m.Offset = bits / unit * m.Ty.Size
			m.BitOff = bits - m.Offset*8
			bits += m.BitWidth
		case ty.Kind == TyStruct:
			m.Offset = alignTo((bits+7)/8, m.Ty.Align)
			bits = (m.Offset + m.Ty.Size) * 8
		default:
			size = max(size, m.Ty.Size)
		}
		if m.Name != "" || m.BitWidth == 0 {
			align = max(align, m.Ty.Align)
		}
	}
	if ty.Kind == TyStruct {
		size = (bits + 7) / 8
	}
	ty.Size, ty.Align, ty.Complete = alignTo(size, align), align, true
}

func alignTo(n, a int) int { return (n + a - 1) / a * a }

// enumSpec parses an enum specifier after its keyword.
func (p *parser) enumSpec() *Type {
	var tag *Token
	if p.peek().Kind == TIdent {
		tag = p.next()
	}
	if tag != nil && !p.at("{") {
		t := p.lookupTag(tag.Text)
		if t == nil {
			t = enumType()
			t.Tag = tag.Text
			p.top().tags[tag.Text] = t
		} else if t.Kind != TyEnum {
			p.errorAt(tag, "'%s' defined as wrong kind of tag", tag.Text)
		}
		return t
	}
	p.expect("{")
	ty := enumType()
	if tag != nil {
		ty.Tag = tag.Text
		p.top().tags[tag.Text] = ty
	}
	val := int64(0)
	for first := true; !p.accept("}"); first = false {
		if !first {
			p.expect(",")
			if p.accept("}") {
				break
			}
		}
		name := p.ident()
		if p.accept("=") {
			e := p.conditional()
			v, ok := p.constValue(e)
			if !ok {
				p.errorAt(e.Tok, "enumerator value for '%s' is not an integer constant", name.Text)
			}
			val = v
		}
		p.declare(name, &ident{enumTy: ty, enumVal: val})
		val++
	}
	return ty
}

// localDecl parses a declaration inside a function and returns the
// statements that initialise its variables.
func (p *parser) localDecl() *Node {
	start := p.peek()
	base, attr := p.declspec()
	block := &Node{Kind: NBlock, Tok: start}
	for first := true; !p.accept(";"); first = false {
		if !first {
			p.declSep()
		}
		ty, name, readOnly := p.declarator(base, attr.isConst)
		if name == nil {
			p.syntaxError("expected identifier in declaration")
		}
		switch {
		case attr.typedef:
			p.declare(name, &ident{typedef: ty})
		case ty.Kind == TyFunc:
			p.declareFunc(ty, name, attr)
		case attr.extern:
			p.externLocal(ty, name)
		case attr.static:
			p.staticLocal(ty, name, readOnly)
		default:
			if init := p.localVar(ty, name, readOnly); init != nil {
				block.Body = append(block.Body, init)
			}
		}
	}
	return block
}

// localVar declares an automatic variable; it returns its initialisation.
func (p *parser) localVar(ty *Type, name *Token, readOnly bool) *Node {
	v := &Obj{Name: name.Text, Tok: name, Ty: ty, Local: true, ReadOnly: readOnly}
	p.declare(name, &ident{obj: v})
	p.fn.Locals = append(p.fn.Locals, v)
	var init *Node
	if p.at("=") {
		eq := p.next()
		init = p.localInit(v, eq)
	}
	if ty.Kind == TyVoid {
		p.errorAt(name, "variable '%s' declared void", name.Text)
	} else if v.Ty.Size < 0 {
		p.errorAt(name, "storage size of '%s' isn't known", name.Text)
		v.Ty = tyInt
	}
	return init
}

// staticLocal makes a block-scope static: a file-scope object with a unique
// name, visible only in this block.
func (p *parser) staticLocal(ty *Type, name *Token, readOnly bool) {
	v := &Obj{Name: p.uniqueName(p.fn.Name + "." + name.Text), Tok: name, Ty: ty, Static: true, Defined: true, ReadOnly: readOnly}
	p.prog.Objs = append(p.prog.Objs, v)
	p.declare(name, &ident{obj: v})
	if p.accept("=") {
		p.globalInit(v)
	}
	if v.Ty.Size < 0 {
		p.errorAt(name, "storage size of '%s' isn't known", name.Text)
	}
}

// externLocal refers, from a block, to a file-scope variable.
func (p *parser) externLocal(ty *Type, name *Token) {
	obj := p.byName[name.Text]
	if obj == nil {
		obj = &Obj{Name: name.Text, Tok: name, Ty: ty, Extern: true}
		p.byName[name.Text] = obj
		p.prog.Objs = append(p.prog.Objs, obj)
	} else if !compatible(obj.Ty, ty) {
		p.errorAt(name, "conflicting types for '%s'", name.Text)
	}
	p.declare(name, &ident{obj: obj})
}
