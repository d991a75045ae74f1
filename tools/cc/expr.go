package cc

import (
	"fmt"
	"strings"
)

func num(tok *Token, ty *Type, v int64) *Node { return &Node{Kind: NNum, Tok: tok, Ty: ty, Val: v} }

// poison stands for an expression whose error was reported.
func poison(tok *Token) *Node { return num(tok, tyErr, 0) }

func isPoison(n *Node) bool { return n.Ty == tyErr }

func unary(kind NodeKind, tok *Token, ty *Type, l *Node) *Node {
	return &Node{Kind: kind, Tok: tok, Ty: ty, L: l}
}

func binary(kind NodeKind, tok *Token, ty *Type, l, r *Node) *Node {
	return &Node{Kind: kind, Tok: tok, Ty: ty, L: l, R: r}
}

// rv makes n an rvalue: arrays decay to a pointer to their first element
// and functions to a pointer to themselves.
func (p *parser) rv(n *Node) *Node {
	switch n.Ty.Kind {
	case TyArray, TyFunc:
		ty := n.Ty.decay()
		ty.ConstBase = readOnly(n) != "" // elements of a const array are const
		return unary(NCast, n.Tok, ty, n)
	}
	return n
}

// cast converts n to ty, adding an NCast only when the representation or
// the type's meaning for the back end changes.
func (p *parser) cast(n *Node, ty *Type) *Node {
	if n.Ty == ty || ty.Kind == TyVoid && n.Ty.Kind == TyVoid {
		return n
	}
	return unary(NCast, n.Tok, ty, n)
}

func isLvalue(n *Node) bool {
	switch n.Kind {
	case NVar:
		return n.Ty.Kind != TyFunc
	case NDeref, NMember:
		return true
	case NComma:
		return n.Literal
	}
	return false
}

// isNullPointer reports whether n is a null pointer constant.
func (p *parser) isNullPointer(n *Node) bool {
	if n.Kind == NCast && n.Ty.Kind == TyPtr && n.Ty.Base.Kind == TyVoid {
		n = n.L
	}
	if !n.Ty.isInteger() {
		return false
	}
	v, ok := p.constValue(n)
	return ok && v == 0
}

// assignConv converts e for assignment to a variable of type ty, checking
// the constraints of simple assignment; what names the context.
func (p *parser) assignConv(e *Node, ty *Type, what string) *Node {
	e = p.rv(e)
	if isPoison(e) {
		return p.cast(e, ty)
	}
	switch {
	case ty.Kind == TyStruct || ty.Kind == TyUnion:
		if e.Ty != ty {
			p.errorAt(e.Tok, "incompatible types in %s: '%s' from '%s'", what, ty, e.Ty)
		}
		return e
	case ty.Kind == TyPtr:
		switch {
		case e.Ty.Kind == TyPtr:
			if ty.Base.Kind != TyVoid && e.Ty.Base.Kind != TyVoid && !compatible(ty.Base, e.Ty.Base) {
				p.errorAt(e.Tok, "incompatible pointer types in %s: '%s' from '%s'", what, ty, e.Ty)
			}
		case p.isNullPointer(e):
		case e.Ty.isInteger():
			p.errorAt(e.Tok, "%s makes pointer from integer without a cast", what)
		default:
			p.errorAt(e.Tok, "incompatible types in %s: '%s' from '%s'", what, ty, e.Ty)
		}
	case ty.isInteger():
		switch {
		case e.Ty.Kind == TyPtr && ty.Kind == TyBool:
		case e.Ty.Kind == TyPtr:
			p.errorAt(e.Tok, "%s makes integer from pointer without a cast", what)
		case !e.Ty.isInteger():
			p.errorAt(e.Tok, "incompatible types in %s: '%s' from '%s'", what, ty, e.Ty)
		}
	case ty.Kind == TyArray:
		p.errorAt(e.Tok, "assignment to expression with array type")
	}
	return p.cast(e, ty)
}

// expr parses a comma expression.
func (p *parser) expr() *Node {
	n := p.assign()
	for p.at(",") {
		t := p.next()
		r := p.assign()
		n = binary(NComma, t, r.Ty, n, r)
	}
	return n
}

// compoundOp returns the operator of a compound assignment such as "+=".
func compoundOp(s string) (string, bool) {
	switch s {
	case "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=":
		return s[:len(s)-1], true
	}
	return "", false
}

func (p *parser) assign() *Node {
	defer p.nest()()
	n := p.conditional()
	t := p.peek()
	if t.is("=") {
		p.next()
		r := p.assign()
		if !p.checkModifiable(n, t, "left operand of assignment") {
			return poison(t)
		}
		return p.assignTo(t, n, p.assignConv(r, n.Ty, "assignment"))
	}
	if op, ok := compoundOp(t.Text); ok && t.Kind == TPunct {
		p.next()
		r := p.assign()
		return p.compoundAssign(t, op, n, r)
	}
	return n
}

func (p *parser) checkModifiable(n *Node, t *Token, what string) bool {
	if isPoison(n) {
		return false
	}
	if !isLvalue(n) {
		p.errorAt(t, "lvalue required as %s", what)
		return false
	}
	if n.Ty.Kind == TyArray {
		p.errorAt(t, "assignment to expression with array type")
		return false
	}
	if why := readOnly(n); why != "" {
		verb, _, _ := strings.Cut(what, " ")
		if verb == "left" {
			verb = "assignment"
		}
		p.errorAt(t, "%s of %s", verb, why)
		return false
	}
	return true
}

// memberType is the type of an expression naming m: a bit-field's value
// is promoted to int, or unsigned int if it is a full unsigned int.
func memberType(m *Member) *Type {
	if m.BitWidth == 0 {
		return m.Ty
	}
	if m.Ty.Unsigned && m.BitWidth == 32 {
		return tyUInt
	}
	return tyInt
}

func isBitField(n *Node) bool { return n.Kind == NMember && n.Mem.BitWidth > 0 }

// assignTo builds l = r, where r is already converted to l's type.
func (p *parser) assignTo(t *Token, l, r *Node) *Node {
	if !isBitField(l) {
		return binary(NAssign, t, l.Ty, l, r)
	}
	base := l.L
	if base.Kind != NVar {
		tmp := p.temp(pointerTo(base.Ty))
		tv := &Node{Kind: NVar, Tok: t, Ty: tmp.Ty, Var: tmp}
		set := binary(NAssign, t, tmp.Ty, tv, unary(NAddr, t, tmp.Ty, base))
		st := p.bitStore(t, unary(NDeref, t, base.Ty, tv), l.Mem, r)
		return binary(NComma, t, st.Ty, set, st)
	}
	return p.bitStore(t, base, l.Mem, r)
}

// bitStore stores v into bit-field m of base (an lvalue without side
// effects) by rewriting its unit, and yields the field's new value.
func (p *parser) bitStore(t *Token, base *Node, m *Member, v *Node) *Node {
	val := p.temp(tyUInt)
	vv := &Node{Kind: NVar, Tok: t, Ty: tyUInt, Var: val}
	unitMem := &Member{Name: m.Name, Ty: m.Ty, Offset: m.Offset, Tok: m.Tok}
	unit := &Node{Kind: NMember, Tok: t, Ty: m.Ty, L: base, Mem: unitMem}
	mask := int64(uint32((uint64(1)<<m.BitWidth - 1) << m.BitOff))
	keep := binary(NBitAnd, t, tyUInt, p.cast(unit, tyUInt), num(t, tyUInt, ^mask&0xFFFFFFFF))
	put := binary(NBitAnd, t, tyUInt, binary(NShl, t, tyUInt, vv, num(t, tyInt, int64(m.BitOff))), num(t, tyUInt, mask))
	store := binary(NAssign, t, m.Ty, unit, p.cast(binary(NBitOr, t, tyUInt, keep, put), m.Ty))
	read := &Node{Kind: NMember, Tok: t, Ty: memberType(m), L: base, Mem: m}
	setv := binary(NAssign, t, tyUInt, vv, p.cast(v, tyUInt))
	return binary(NComma, t, read.Ty, setv, binary(NComma, t, read.Ty, store, read))
}

// readOnly says why the lvalue n is const, or "" if it is not.
func readOnly(n *Node) string {
	switch n.Kind {
	case NVar:
		if n.Var.ReadOnly {
			return fmt.Sprintf("read-only variable '%s'", n.Var.Tok.Text)
		}
	case NDeref:
		if n.L.Ty.Kind == TyPtr && n.L.Ty.ConstBase {
			return "read-only location"
		}
	case NMember:
		if readOnly(n.L) != "" {
			return fmt.Sprintf("read-only member '%s'", n.Mem.Name)
		}
	}
	return ""
}

// compoundAssign builds l op= r as l = l op r, evaluating l's address once
// through a temporary when l is not a plain variable.
func (p *parser) compoundAssign(t *Token, op string, l, r *Node) *Node {
	if !p.checkModifiable(l, t, "left operand of assignment") {
		return poison(t)
	}
	if l.Kind == NVar || isBitField(l) && l.L.Kind == NVar {
		v := p.binop(op, t, l, r)
		return p.assignTo(t, l, p.assignConv(v, l.Ty, "assignment"))
	}
	if isBitField(l) {
		// Evaluate the struct's address once; the field is rewritten in place.
		base := l.L
		tmp := p.temp(pointerTo(base.Ty))
		tv := &Node{Kind: NVar, Tok: t, Ty: tmp.Ty, Var: tmp}
		set := binary(NAssign, t, tmp.Ty, tv, unary(NAddr, t, tmp.Ty, base))
		target := &Node{Kind: NMember, Tok: t, Ty: l.Ty, L: unary(NDeref, t, base.Ty, tv), Mem: l.Mem}
		v := p.binop(op, t, target, r)
		st := p.bitStore(t, target.L, l.Mem, p.assignConv(v, l.Ty, "assignment"))
		return binary(NComma, t, st.Ty, set, st)
	}
	tmp := p.temp(pointerTo(l.Ty))
	tv := &Node{Kind: NVar, Tok: t, Ty: tmp.Ty, Var: tmp}
	set := binary(NAssign, t, tmp.Ty, tv, unary(NAddr, t, tmp.Ty, l))
	target := unary(NDeref, t, l.Ty, tv)
	v := p.binop(op, t, target, r)
	upd := binary(NAssign, t, l.Ty, target, p.assignConv(v, l.Ty, "assignment"))
	return binary(NComma, t, l.Ty, set, upd)
}

// temp adds an unnamed local to the current function.
func (p *parser) temp(ty *Type) *Obj {
	v := &Obj{Name: p.uniqueName("tmp"), Ty: ty, Local: true}
	if p.fn != nil {
		p.fn.Locals = append(p.fn.Locals, v)
	}
	return v
}

func (p *parser) conditional() *Node {
	c := p.binaryLevel(1)
	if !p.at("?") {
		return c
	}
	t := p.next()
	a := p.rv(p.expr())
	p.expect(":")
	b := p.rv(p.conditional())
	n := &Node{Kind: NCond, Tok: t, Cond: p.condExpr(p.rv(c))}
	switch {
	case a.Ty.isInteger() && b.Ty.isInteger():
		ty := commonType(a.Ty, b.Ty)
		n.Then, n.Else, n.Ty = p.cast(a, ty), p.cast(b, ty), ty
	case a.Ty.Kind == TyVoid && b.Ty.Kind == TyVoid:
		n.Then, n.Else, n.Ty = a, b, tyVoid
	case a.Ty.Kind == TyPtr && p.isNullPointer(b):
		n.Then, n.Else, n.Ty = a, p.cast(b, a.Ty), a.Ty
	case b.Ty.Kind == TyPtr && p.isNullPointer(a):
		n.Then, n.Else, n.Ty = p.cast(a, b.Ty), b, b.Ty
	case a.Ty.Kind == TyPtr && b.Ty.Kind == TyPtr:
		ty := a.Ty
		if a.Ty.Base.Kind == TyVoid {
			ty = a.Ty
		} else if b.Ty.Base.Kind == TyVoid {
			ty = b.Ty
		} else if !compatible(a.Ty.Base, b.Ty.Base) {
			p.errorAt(t, "pointer type mismatch in conditional expression")
		}
		n.Then, n.Else, n.Ty = p.cast(a, ty), p.cast(b, ty), ty
	case (a.Ty.Kind == TyStruct || a.Ty.Kind == TyUnion) && a.Ty == b.Ty:
		n.Then, n.Else, n.Ty = a, b, a.Ty
	default:
		p.errorAt(t, "type mismatch in conditional expression ('%s' and '%s')", a.Ty, b.Ty)
		n.Then, n.Else, n.Ty = a, b, a.Ty
	}
	return n
}

// precedence ranks the binary operators from loosest (1) to tightest (10),
// for C expressions and #if alike; 0 is not a binary operator.
func precedence(op string) int {
	switch op {
	case "||":
		return 1
	case "&&":
		return 2
	case "|":
		return 3
	case "^":
		return 4
	case "&":
		return 5
	case "==", "!=":
		return 6
	case "<", ">", "<=", ">=":
		return 7
	case "<<", ">>":
		return 8
	case "+", "-":
		return 9
	case "*", "/", "%":
		return 10
	}
	return 0
}

const tightest = 10

func (p *parser) binaryLevel(level int) *Node {
	if level > tightest {
		return p.castExpr()
	}
	n := p.binaryLevel(level + 1)
	for {
		t := p.peek()
		if t.Kind != TPunct || precedence(t.Text) != level {
			return n
		}
		p.next()
		r := p.binaryLevel(level + 1)
		n = p.binop(t.Text, t, n, r)
	}
}

// arithKind is the node kind of an arithmetic or comparison operator.
func arithKind(op string) NodeKind {
	switch op {
	case "*":
		return NMul
	case "/":
		return NDiv
	case "%":
		return NMod
	case "&":
		return NBitAnd
	case "|":
		return NBitOr
	case "^":
		return NBitXor
	case "==":
		return NEq
	case "!=":
		return NNe
	case "<":
		return NLt
	case "<=":
		return NLe
	case ">":
		return NGt
	}
	return NGe
}

// binop type-checks l op r and builds the node with conversions made
// explicit and pointer arithmetic scaled.
func (p *parser) binop(op string, t *Token, l, r *Node) *Node {
	l, r = p.rv(l), p.rv(r)
	if isPoison(l) || isPoison(r) {
		return poison(t)
	}
	switch op {
	case "+":
		return p.add(t, l, r)
	case "-":
		return p.sub(t, l, r)
	case "&&", "||":
		p.condExpr(l)
		p.condExpr(r)
		kind := NLogAnd
		if op == "||" {
			kind = NLogOr
		}
		return binary(kind, t, tyInt, l, r)
	case "<<", ">>":
		if !l.Ty.isInteger() || !r.Ty.isInteger() {
			return p.badOperands(op, t, l, r)
		}
		kind := NShl
		if op == ">>" {
			kind = NShr
		}
		ty := promote(l.Ty)
		return binary(kind, t, ty, p.cast(l, ty), p.cast(r, promote(r.Ty)))
	case "==", "!=", "<", "<=", ">", ">=":
		return p.compare(op, t, l, r)
	}
	if !l.Ty.isInteger() || !r.Ty.isInteger() {
		return p.badOperands(op, t, l, r)
	}
	ty := commonType(l.Ty, r.Ty)
	return binary(arithKind(op), t, ty, p.cast(l, ty), p.cast(r, ty))
}

func (p *parser) badOperands(op string, t *Token, l, r *Node) *Node {
	p.errorAt(t, "invalid operands to binary %s (have '%s' and '%s')", op, l.Ty, r.Ty)
	return poison(t)
}

// scale multiplies an integer index by the size of a pointer's target.
func (p *parser) scale(t *Token, i *Node, ptr *Type) *Node {
	i = p.cast(i, tyInt)
	size := ptr.Base.Size
	if size < 0 || ptr.Base.Kind == TyVoid {
		if ptr.Base.Kind != TyVoid {
			p.errorAt(t, "arithmetic on a pointer to an incomplete type")
		}
		size = 1
	}
	if size == 1 {
		return i
	}
	return binary(NMul, t, tyInt, i, num(t, tyInt, int64(size)))
}

func (p *parser) add(t *Token, l, r *Node) *Node {
	if l.Ty.isInteger() && r.Ty.isInteger() {
		ty := commonType(l.Ty, r.Ty)
		return binary(NAdd, t, ty, p.cast(l, ty), p.cast(r, ty))
	}
	if l.Ty.isInteger() && r.Ty.isPointer() {
		l, r = r, l
	}
	if !l.Ty.isPointer() || !r.Ty.isInteger() {
		return p.badOperands("+", t, l, r)
	}
	return binary(NAdd, t, l.Ty, l, p.scale(t, r, l.Ty))
}

func (p *parser) sub(t *Token, l, r *Node) *Node {
	switch {
	case l.Ty.isInteger() && r.Ty.isInteger():
		ty := commonType(l.Ty, r.Ty)
		return binary(NSub, t, ty, p.cast(l, ty), p.cast(r, ty))
	case l.Ty.isPointer() && r.Ty.isInteger():
		return binary(NSub, t, l.Ty, l, p.scale(t, r, l.Ty))
	case l.Ty.isPointer() && r.Ty.isPointer():
		if !compatible(l.Ty.Base, r.Ty.Base) {
			p.errorAt(t, "invalid operands to binary - (have '%s' and '%s')", l.Ty, r.Ty)
		}
		diff := binary(NSub, t, tyInt, p.cast(l, tyInt), p.cast(r, tyInt))
		size := max(l.Ty.Base.Size, 1)
		if size == 1 {
			return diff
		}
		return binary(NDiv, t, tyInt, diff, num(t, tyInt, int64(size)))
	}
	return p.badOperands("-", t, l, r)
}

func (p *parser) compare(op string, t *Token, l, r *Node) *Node {
	kind := arithKind(op)
	switch {
	case l.Ty.isInteger() && r.Ty.isInteger():
		ty := commonType(l.Ty, r.Ty)
		return binary(kind, t, tyInt, p.cast(l, ty), p.cast(r, ty))
	case l.Ty.isPointer() && r.Ty.isPointer():
		if l.Ty.Base.Kind != TyVoid && r.Ty.Base.Kind != TyVoid && !compatible(l.Ty.Base, r.Ty.Base) {
			p.errorAt(t, "comparison of distinct pointer types ('%s' and '%s')", l.Ty, r.Ty)
		}
		return binary(kind, t, tyInt, l, p.cast(r, l.Ty))
	case l.Ty.isPointer() && r.Ty.isInteger() && p.isNullPointer(r):
		return binary(kind, t, tyInt, l, p.cast(r, l.Ty))
	case r.Ty.isPointer() && l.Ty.isInteger() && p.isNullPointer(l):
		return binary(kind, t, tyInt, p.cast(l, r.Ty), r)
	case l.Ty.isPointer() && r.Ty.isInteger() || r.Ty.isPointer() && l.Ty.isInteger():
		p.errorAt(t, "comparison between pointer and integer")
		return binary(kind, t, tyInt, p.cast(l, tyUInt), p.cast(r, tyUInt))
	}
	return p.badOperands(op, t, l, r)
}

// castExpr parses a cast or a unary expression.
func (p *parser) castExpr() *Node {
	defer p.nest()()
	if !p.at("(") || !p.typenameAfterParen() {
		return p.unaryExpr()
	}
	open := p.next()
	ty := p.typename()
	p.expect(")")
	if p.at("{") {
		return p.postfixOps(p.compoundLiteral(open, ty))
	}
	e := p.rv(p.castExpr())
	switch {
	case isPoison(e):
		return e
	case ty.Kind == TyVoid:
	case !ty.isScalar():
		p.errorAt(open, "conversion to non-scalar type '%s' requested", ty)
		return poison(open)
	case !e.Ty.isScalar():
		p.errorAt(open, "cannot convert '%s' to '%s'", e.Ty, ty)
		return poison(open)
	}
	n := unary(NCast, open, ty, e)
	return n
}

func (p *parser) typenameAfterParen() bool {
	save := p.pos
	p.pos++
	is := p.isTypename()
	p.pos = save
	return is
}

func (p *parser) unaryExpr() *Node {
	defer p.nest()()
	t := p.peek()
	if t.Kind != TPunct && t.Kind != TKeyword {
		return p.postfix()
	}
	switch t.Text {
	case "+", "-", "~":
		p.next()
		e := p.rv(p.castExpr())
		if isPoison(e) {
			return e
		}
		if !e.Ty.isInteger() {
			p.errorAt(t, "wrong type argument to unary %s ('%s')", t.Text, e.Ty)
			return poison(t)
		}
		ty := promote(e.Ty)
		e = p.cast(e, ty)
		switch t.Text {
		case "-":
			return unary(NNeg, t, ty, e)
		case "~":
			return unary(NBitNot, t, ty, e)
		}
		return e
	case "!":
		p.next()
		e := p.rv(p.castExpr())
		p.condExpr(e)
		return unary(NNot, t, tyInt, e)
	case "&":
		p.next()
		e := p.castExpr()
		if isPoison(e) {
			return e
		}
		if !isLvalue(e) && e.Ty.Kind != TyFunc {
			p.errorAt(t, "lvalue required as unary '&' operand")
		}
		if isBitField(e) {
			p.errorAt(t, "cannot take address of bit-field '%s'", e.Mem.Name)
		}
		ty := pointerTo(e.Ty)
		ty.ConstBase = readOnly(e) != ""
		return unary(NAddr, t, ty, e)
	case "*":
		p.next()
		e := p.rv(p.castExpr())
		return p.deref(t, e)
	case "++", "--":
		p.next()
		e := p.unaryExpr()
		if !p.checkModifiable(e, t, map[string]string{"++": "increment", "--": "decrement"}[t.Text]+" operand") {
			return e
		}
		return p.compoundAssign(t, t.Text[:1], e, num(t, tyInt, 1))
	case "sizeof", "_Alignof":
		return p.sizeof()
	}
	return p.postfix()
}

func (p *parser) deref(t *Token, e *Node) *Node {
	if isPoison(e) {
		return e
	}
	if e.Ty.Kind != TyPtr {
		p.errorAt(t, "invalid type argument of unary '*' (have '%s')", e.Ty)
		return poison(t)
	}
	if e.Ty.Base.Kind == TyVoid {
		p.errorAt(t, "dereferencing 'void *' pointer")
	}
	return unary(NDeref, t, e.Ty.Base, e)
}

func (p *parser) sizeof() *Node {
	t := p.next()
	var ty *Type
	if p.at("(") && p.typenameAfterParen() {
		p.next()
		ty = p.typename()
		p.expect(")")
	} else {
		e := p.unaryExpr()
		if isBitField(e) {
			p.errorAt(t, "'%s' applied to a bit-field", t.Text)
		}
		ty = e.Ty
	}
	if ty.Size < 0 {
		p.errorAt(t, "invalid application of '%s' to incomplete type '%s'", t.Text, ty)
	}
	if t.Text == "_Alignof" {
		return num(t, tyUInt, int64(ty.Align))
	}
	return num(t, tyUInt, int64(ty.Size))
}

func (p *parser) postfix() *Node { return p.postfixOps(p.primary()) }

// compoundLiteral makes the unnamed object (ty){...} denotes: a local of
// the enclosing block (initialised where it is written), or at file scope
// a static object.
func (p *parser) compoundLiteral(open *Token, ty *Type) *Node {
	if ty.Kind == TyFunc || ty.Size < 0 && !(ty.Kind == TyArray && ty.Len < 0) {
		p.errorAt(open, "compound literal has incomplete or function type '%s'", ty)
	}
	if p.fn == nil {
		obj := &Obj{Name: p.uniqueName("lit"), Tok: open, Ty: ty, Static: true, Defined: true}
		p.prog.Objs = append(p.prog.Objs, obj)
		p.globalInit(obj)
		return &Node{Kind: NVar, Tok: open, Ty: obj.Ty, Var: obj}
	}
	v := p.temp(ty)
	v.Tok = open
	init := p.localInit(v, open)
	n := &Node{Kind: NVar, Tok: open, Ty: v.Ty, Var: v}
	for i := len(init.Body) - 1; i >= 0; i-- {
		n = binary(NComma, open, n.Ty, init.Body[i].L, n)
		n.Literal = true
	}
	return n
}

func (p *parser) postfixOps(n *Node) *Node {
	for {
		t := p.peek()
		switch {
		case t.is("["):
			p.next()
			idx := p.expr()
			p.expect("]")
			base, i := p.rv(n), p.rv(idx)
			if i.Ty.isPointer() {
				base, i = i, base
			}
			if isPoison(base) || isPoison(i) {
				n = poison(t)
				continue
			}
			if !base.Ty.isPointer() || !i.Ty.isInteger() {
				p.errorAt(t, "subscripted value is neither array nor pointer")
				n = poison(t)
				continue
			}
			n = p.deref(t, p.add(t, base, i))
		case t.is("("):
			n = p.call(n)
		case t.is("."):
			p.next()
			n = p.member(t, n)
		case t.is("->"):
			p.next()
			e := p.rv(n)
			if isPoison(e) || e.Ty.Kind != TyPtr {
				if !isPoison(e) {
					p.errorAt(t, "invalid type argument of '->' (have '%s')", e.Ty)
				}
				p.ident()
				n = poison(t)
				continue
			}
			n = p.member(t, unary(NDeref, t, e.Ty.Base, e))
		case t.is("++") || t.is("--"):
			p.next()
			n = p.postIncDec(t, n)
		default:
			return n
		}
	}
}

// postIncDec builds x++ as (x += 1) - 1, converted back to x's type.
func (p *parser) postIncDec(t *Token, n *Node) *Node {
	if !p.checkModifiable(n, t, map[string]string{"++": "increment", "--": "decrement"}[t.Text]+" operand") {
		return n
	}
	op, undo := "+", "-"
	if t.Text == "--" {
		op, undo = "-", "+"
	}
	inc := p.compoundAssign(t, op, n, num(t, tyInt, 1))
	return p.cast(p.binop(undo, t, inc, num(t, tyInt, 1)), n.Ty)
}

func (p *parser) member(t *Token, n *Node) *Node {
	name := p.ident()
	if isPoison(n) {
		return n
	}
	if n.Ty.Kind != TyStruct && n.Ty.Kind != TyUnion {
		p.errorAt(t, "request for member '%s' in something not a structure or union", name.Text)
		return poison(name)
	}
	if !n.Ty.Complete {
		p.errorAt(t, "dereferencing incomplete type '%s'", n.Ty)
		return poison(name)
	}
	for _, m := range n.Ty.Members {
		if m.Name == name.Text {
			return &Node{Kind: NMember, Tok: name, Ty: memberType(m), L: n, Mem: m}
		}
	}
	var names []string
	for _, m := range n.Ty.Members {
		names = append(names, m.Name)
	}
	p.errorAt(name, "'%s' has no member named '%s'%s", n.Ty, name.Text, didYouMean(name.Text, names))
	return poison(name)
}

func (p *parser) call(fn *Node) *Node {
	open := p.next()
	ft := fn.Ty
	if ft.Kind == TyPtr && ft.Base.Kind == TyFunc {
		ft = ft.Base
	}
	var args []*Node
	for !p.accept(")") {
		if len(args) > 0 {
			p.expect(",")
		}
		args = append(args, p.assign())
	}
	if isPoison(fn) {
		return fn
	}
	if ft.Kind != TyFunc {
		p.errorAt(open, "called object is not a function or function pointer")
		return poison(open)
	}
	name := "function"
	if fn.Kind == NVar {
		name = "function '" + fn.Var.Name + "'"
	}
	if !ft.OldStyle {
		if len(args) < len(ft.Params) {
			p.errorAt(fn.Tok, "too few arguments to %s", name)
		} else if len(args) > len(ft.Params) && !ft.Variadic {
			p.errorAt(args[len(ft.Params)].Tok, "too many arguments to %s", name)
		}
	}
	for i, a := range args {
		if i < len(ft.Params) && !ft.OldStyle {
			args[i] = p.assignConv(a, ft.Params[i], "argument passing")
			continue
		}
		a = p.rv(a)
		if a.Ty.isInteger() {
			a = p.cast(a, promote(a.Ty)) // default argument promotions
		}
		args[i] = a
	}
	if ft.Return.Kind != TyVoid && ft.Return.Size < 0 {
		p.errorAt(open, "calling function with incomplete return type '%s'", ft.Return)
	}
	callee := fn
	if fn.Ty.Kind == TyFunc && fn.Kind == NDeref {
		callee = fn.L // (*fp)(x) calls fp
	}
	return &Node{Kind: NCall, Tok: fn.Tok, Ty: ft.Return, L: callee, Args: args}
}

func (p *parser) primary() *Node {
	t := p.peek()
	switch t.Kind {
	case TNum, TChar:
		p.next()
		return num(t, t.Ty, t.Val)
	case TStr:
		p.next()
		return p.stringLiteral(t, t.Str)
	case TIdent:
		p.next()
		return p.identifier(t)
	}
	if t.is("(") {
		p.next()
		if p.at("{") {
			p.syntaxError("statement expressions are not supported")
		}
		n := p.expr()
		p.expect(")")
		return n
	}
	p.syntaxError("expected expression, found %s", describe(t))
	return nil
}

// stringLiteral makes the anonymous array a string literal denotes.
func (p *parser) stringLiteral(t *Token, s []byte) *Node {
	ty := arrayOf(tyChar, len(s)+1)
	obj := &Obj{Name: p.uniqueName("str"), Tok: t, Ty: ty, Static: true, Defined: true}
	obj.Init = append(append([]byte(nil), s...), 0)
	p.prog.Objs = append(p.prog.Objs, obj)
	return &Node{Kind: NVar, Tok: t, Ty: ty, Var: obj}
}

func (p *parser) identifier(t *Token) *Node {
	if t.Text == "__func__" && p.fn != nil && p.lookup(t.Text) == nil {
		return p.stringLiteral(t, []byte(p.fn.Name))
	}
	id := p.lookup(t.Text)
	switch {
	case id == nil:
		hint := didYouMean(t.Text, p.visibleNames())
		if !p.at("(") {
			p.errorAt(t, "'%s' undeclared%s", t.Text, hint)
			return poison(t)
		}
		if h := headerFor(t.Text); h != "" {
			hint = fmt.Sprintf(" (did you #include <%s>?)", h)
		}
		p.errorAt(t, "implicit declaration of function '%s'%s", t.Text, hint)
		// Recover with a function that takes anything, to avoid cascades.
		ft := funcType(tyInt)
		ft.OldStyle = true
		return &Node{Kind: NVar, Tok: t, Ty: ft, Var: &Obj{Name: t.Text, Ty: ft, IsFunc: true}}
	case id.obj != nil:
		return &Node{Kind: NVar, Tok: t, Ty: id.obj.Ty, Var: id.obj}
	case id.enumTy != nil:
		return num(t, tyInt, id.enumVal)
	}
	p.errorAt(t, "unexpected type name '%s'", t.Text)
	return poison(t)
}

// headerFor names the header of userland/include (POSIX's places) that
// declares a common library function, for "did you #include" hints.
func headerFor(fn string) string {
	switch fn {
	case "printf", "fprintf", "sprintf", "snprintf", "puts", "fputs", "fgets", "putchar", "getchar":
		return "stdio.h"
	case "fork", "vfork", "execl", "execlp", "execv", "execve", "execvp", "getpid", "getppid",
		"_exit", "sleep", "read", "write", "close", "pipe", "dup", "dup2", "lseek", "sbrk", "brk", "nice":
		return "unistd.h"
	case "wait", "waitpid":
		return "sys/wait.h"
	case "exit", "malloc", "calloc", "realloc", "free", "atoi", "abs":
		return "stdlib.h"
	case "strlen", "strcpy", "strncpy", "strcmp", "strncmp", "strcat", "strchr", "memcpy", "memset":
		return "string.h"
	case "open", "creat":
		return "fcntl.h"
	case "kill", "signal":
		return "signal.h"
	case "isdigit", "isalpha", "isspace":
		return "ctype.h"
	}
	return ""
}

// visibleNames lists the ordinary identifiers in scope, for suggestions.
func (p *parser) visibleNames() []string {
	var names []string
	for _, sc := range p.scopes {
		for name, id := range sc.vars {
			if id.typedef == nil {
				names = append(names, name)
			}
		}
	}
	return names
}

// didYouMean suggests the candidate closest to a misspelt name, if one is
// close enough to be a likely typo; ties go to the alphabetically first.
func didYouMean(name string, candidates []string) string {
	best, bestDist := "", max(1, len(name)/3)+1
	for _, c := range candidates {
		if c == "" || c == name {
			continue
		}
		if d := editDistance(name, c); d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean '%s'?)", best)
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
