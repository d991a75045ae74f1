package cc

import (
	le "encoding/binary"
	"sort"
)

// An initializer is the parsed initialiser of one object, as a tree that
// mirrors its type (chibicc's Initializer).
type initializer struct {
	ty    *Type
	tok   *Token
	expr  *Node                // a scalar, or a whole struct/union from an expression
	elems []*initializer       // struct/union members
	arr   map[int]*initializer // array elements mentioned, made on demand
	n     int                  // array: elements so far (fixes an unknown length)
	mem   int                  // union: the member initialised
}

func newInit(ty *Type, tok *Token) *initializer {
	in := &initializer{ty: ty, tok: tok}
	switch ty.Kind {
	case TyArray:
		in.arr = map[int]*initializer{}
	case TyStruct, TyUnion:
		for _, m := range ty.Members {
			in.elems = append(in.elems, newInit(m.Ty, tok))
		}
	}
	return in
}

// elem returns array element i, growing an array of unknown length; nil
// if i is out of range.
func (in *initializer) elem(i int) *initializer {
	if i < 0 || in.ty.Len >= 0 && i >= in.ty.Len || i >= maxObjectSize {
		return nil
	}
	el := in.arr[i]
	if el == nil {
		el = newInit(in.ty.Base, in.tok)
		in.arr[i] = el
		in.n = max(in.n, i+1)
	}
	return el
}

// elements returns the indexes of the array elements mentioned, in order.
func (in *initializer) elements() []int {
	idx := make([]int, 0, len(in.arr))
	for i := range in.arr {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	return idx
}

// atInitEnd reports '}' or ', }', where a brace-elided list stops.
func (p *parser) atInitEnd() bool {
	return p.at("}") || p.at(",") && p.peekN(1).is("}")
}

// parseInit parses an initialiser for an object of type ty; the returned
// type completes an array of unknown length.
func (p *parser) parseInit(ty *Type, tok *Token) (*initializer, *Type) {
	in := newInit(ty, tok)
	p.initializer(in)
	if ty.Kind == TyArray && ty.Len < 0 {
		ty = p.checkSize(arrayOf(ty.Base, in.n), tok)
		in.ty = ty
	}
	return in, ty
}

func (p *parser) initializer(in *initializer) {
	defer p.nest()()
	ty := in.ty
	switch {
	case ty.Kind == TyArray && ty.Base.Kind == TyChar && p.peek().Kind == TStr,
		ty.Kind == TyArray && ty.Base.Kind == TyChar && p.at("{") && p.peekN(1).Kind == TStr && p.peekN(2).is("}"):
		braced := p.accept("{")
		p.stringInit(in, p.next())
		if braced {
			p.expect("}")
		}
	case ty.Kind == TyArray && p.at("{"):
		p.next()
		p.arrayInit(in, true)
	case ty.Kind == TyArray:
		p.arrayInit(in, false)
	case (ty.Kind == TyStruct || ty.Kind == TyUnion) && p.at("{"):
		p.next()
		p.structInit(in, true)
	case ty.Kind == TyStruct || ty.Kind == TyUnion:
		// Either an expression of the struct's type or, with braces
		// elided, its first members: look at the expression's type.
		start := p.pos
		e := p.assign()
		if e.Ty == ty {
			in.expr = e
			return
		}
		p.pos = start
		p.structInit(in, false)
	case p.at("{"):
		p.next()
		if p.at("}") {
			p.syntaxError("empty scalar initializer")
		}
		p.initializer(in)
		p.accept(",")
		p.expect("}")
	default:
		in.expr = p.assign()
	}
}

func (p *parser) stringInit(in *initializer, s *Token) {
	if in.ty.Len >= 0 && len(s.Str) > in.ty.Len {
		p.errorAt(s, "initializer-string for array of chars is too long")
	}
	for i := 0; i <= len(s.Str); i++ {
		v := int64(0)
		if i < len(s.Str) {
			v = int64(int8(s.Str[i]))
		}
		if el := in.elem(i); el != nil {
			el.expr = num(s, tyInt, v)
		}
	}
}

func (p *parser) arrayInit(in *initializer, braced bool) {
	for i, first := 0, true; ; i, first = i+1, false {
		if braced && p.accept("}") {
			return
		}
		if !braced && (p.atInitEnd() || in.ty.Len >= 0 && i >= in.ty.Len) {
			return
		}
		start := p.pos
		if !first {
			p.expect(",")
			if braced && p.accept("}") {
				return
			}
		}
		if p.at("[") || p.at(".") {
			if !braced {
				p.pos = start // a designator belongs to the enclosing list
				return
			}
			if p.at(".") {
				p.syntaxError("field designator in an array initializer")
			}
			p.next()
			e := p.conditional()
			idx, ok := p.constValue(e)
			el := in.elem(int(min(max(idx, -1), maxObjectSize)))
			if !ok || el == nil {
				p.errorAt(e.Tok, "array index in initializer is not a constant in bounds")
				panic(bailout{})
			}
			p.expect("]")
			i = int(idx)
			p.designation(el)
			continue
		}
		el := in.elem(i)
		if el == nil {
			p.errorAt(p.peek(), "excess elements in array initializer")
			el = newInit(in.ty.Base, p.peek())
		}
		p.initializer(el)
	}
}

func (p *parser) structInit(in *initializer, braced bool) {
	mems := in.ty.Members
	for i, first := 0, true; ; i, first = i+1, false {
		for i < len(mems) && mems[i].Name == "" {
			i++ // unnamed bit-fields take no initialiser
		}
		if braced && p.accept("}") {
			return
		}
		if !braced && (p.atInitEnd() || i >= len(mems) || in.ty.Kind == TyUnion && i > 0) {
			return
		}
		start := p.pos
		if !first {
			p.expect(",")
			if braced && p.accept("}") {
				return
			}
		}
		if p.at("[") || p.at(".") {
			if !braced {
				p.pos = start
				return
			}
			if p.at("[") {
				p.syntaxError("array index in a struct initializer")
			}
			p.next()
			name := p.ident()
			i = p.memberIndex(in.ty, name)
			in.mem = i
			p.designation(in.elems[i])
			continue
		}
		if i >= len(mems) || in.ty.Kind == TyUnion && i > 0 {
			p.errorAt(p.peek(), "excess elements in %s initializer", map[bool]string{true: "union", false: "struct"}[in.ty.Kind == TyUnion])
			p.initializer(newInit(tyInt, p.peek()))
			continue
		}
		p.initializer(in.elems[i])
	}
}

func (p *parser) memberIndex(ty *Type, name *Token) int {
	for i, m := range ty.Members {
		if m.Name == name.Text {
			return i
		}
	}
	p.errorAt(name, "'%s' has no member named '%s'", ty, name.Text)
	panic(bailout{})
}

// designation parses the rest of a designator list, then '=' and the value.
func (p *parser) designation(in *initializer) {
	switch {
	case p.at("["):
		if in.ty.Kind != TyArray {
			p.syntaxError("array index in non-array initializer")
		}
		p.next()
		e := p.conditional()
		idx, ok := p.constValue(e)
		p.expect("]")
		el := in.elem(int(min(max(idx, -1), maxObjectSize)))
		if !ok || el == nil {
			p.errorAt(e.Tok, "array index in initializer is not a constant in bounds")
			panic(bailout{})
		}
		p.designation(el)
	case p.at("."):
		if in.ty.Kind != TyStruct && in.ty.Kind != TyUnion {
			p.syntaxError("field name not in struct or union initializer")
		}
		p.next()
		i := p.memberIndex(in.ty, p.ident())
		in.mem = i
		p.designation(in.elems[i])
	default:
		p.expect("=")
		p.initializer(in)
	}
}

// localInit parses "= initializer" for a local and returns the statements
// that store it: the object is zeroed first when it is an aggregate, as
// C requires for members not mentioned.
func (p *parser) localInit(v *Obj, eq *Token) *Node {
	in, ty := p.parseInit(v.Ty, eq)
	v.Ty = ty
	vn := &Node{Kind: NVar, Tok: v.Tok, Ty: ty, Var: v}
	block := &Node{Kind: NBlock, Tok: eq}
	if ty.isAggregate() && in.expr == nil {
		block.Body = append(block.Body, &Node{Kind: NExprStmt, Tok: eq, L: unary(NZero, eq, ty, vn)})
	}
	p.storeInit(block, in, vn)
	return block
}

// storeInit appends the assignments of in's leaves to the object lv.
func (p *parser) storeInit(block *Node, in *initializer, lv *Node) {
	if in.expr != nil {
		a := p.assignTo(in.expr.Tok, lv, p.assignConv(in.expr, lv.Ty, "initialization"))
		block.Body = append(block.Body, &Node{Kind: NExprStmt, Tok: in.expr.Tok, L: a})
		return
	}
	switch lv.Ty.Kind {
	case TyArray:
		for _, i := range in.elements() {
			idx := p.add(lv.Tok, p.rv(lv), num(lv.Tok, tyInt, int64(i)))
			p.storeInit(block, in.arr[i], unary(NDeref, lv.Tok, lv.Ty.Base, idx))
		}
	case TyStruct:
		for i, m := range lv.Ty.Members {
			if m.BitWidth < 0 || m.Name == "" {
				continue
			}
			p.storeInit(block, in.elems[i], &Node{Kind: NMember, Tok: lv.Tok, Ty: memberType(m), L: lv, Mem: m})
		}
	case TyUnion:
		if len(in.elems) == 0 {
			return
		}
		m := lv.Ty.Members[in.mem]
		p.storeInit(block, in.elems[in.mem], &Node{Kind: NMember, Tok: lv.Tok, Ty: memberType(m), L: lv, Mem: m})
	}
}

// globalInit parses the initialiser of a static-storage object into its
// initial bytes and relocations.
func (p *parser) globalInit(obj *Obj) {
	eq := p.peek()
	in, ty := p.parseInit(obj.Ty, eq)
	obj.Ty = ty
	if ty.Size < 0 {
		return
	}
	obj.Init = make([]byte, ty.Size)
	obj.Relocs = nil
	p.writeInit(obj, in, 0)
}

func (p *parser) writeInit(obj *Obj, in *initializer, off int) {
	ty := in.ty
	if in.expr == nil {
		switch ty.Kind {
		case TyArray:
			for _, i := range in.elements() {
				p.writeInit(obj, in.arr[i], off+i*ty.Base.Size)
			}
		case TyStruct:
			for i, m := range ty.Members {
				if m.BitWidth > 0 && m.Name != "" {
					p.writeBits(obj, in.elems[i], off+m.Offset, m)
				} else if m.BitWidth == 0 {
					p.writeInit(obj, in.elems[i], off+m.Offset)
				}
			}
		case TyUnion:
			if len(in.elems) == 0 {
				break
			}
			if m := ty.Members[in.mem]; m.BitWidth > 0 {
				p.writeBits(obj, in.elems[in.mem], off, m)
			} else {
				p.writeInit(obj, in.elems[in.mem], off)
			}
		}
		return
	}
	if !ty.isScalar() {
		p.errorAt(in.expr.Tok, "initializer element is not constant")
		return
	}
	e := p.assignConv(in.expr, ty, "initialization")
	v, label, ok := p.eval(e)
	if !ok || label != "" && ty.Size != 4 {
		p.errorAt(in.expr.Tok, "initializer element is not constant")
		return
	}
	if label != "" {
		obj.Relocs = append(obj.Relocs, Reloc{Offset: off, Label: label, Addend: v})
		return
	}
	switch ty.Size {
	case 1:
		obj.Init[off] = byte(v)
	case 2:
		le.LittleEndian.PutUint16(obj.Init[off:], uint16(v))
	case 4:
		le.LittleEndian.PutUint32(obj.Init[off:], uint32(v))
	}
}

// writeBits ORs a bit-field's constant initialiser into its unit.
func (p *parser) writeBits(obj *Obj, in *initializer, off int, m *Member) {
	if in.expr == nil {
		return
	}
	v, ok := p.constValue(p.assignConv(in.expr, tyUInt, "initialization"))
	if !ok {
		p.errorAt(in.expr.Tok, "initializer element is not constant")
		return
	}
	bits := (uint64(v) & (1<<m.BitWidth - 1)) << m.BitOff
	for i := 0; i < m.Ty.Size; i++ {
		obj.Init[off+i] |= byte(bits >> (8 * i))
	}
}

// constValue evaluates an integer constant expression.
func (p *parser) constValue(n *Node) (int64, bool) {
	v, label, ok := p.eval(n)
	return v, ok && label == ""
}

// eval evaluates a constant expression that may be an address constant:
// the value is label+v. Results are wrapped to the node's type.
func (p *parser) eval(n *Node) (v int64, label string, ok bool) {
	if n == nil || n.Ty == nil {
		return 0, "", false
	}
	switch n.Kind {
	case NNum:
		return wrap(n.Val, n.Ty), "", true
	case NCast:
		v, label, ok = p.eval(n.L)
		if n.L.Ty.Kind == TyArray || n.L.Ty.Kind == TyFunc {
			return p.addrOf(n.L)
		}
		if label != "" && n.Ty.Size < 4 {
			return 0, "", false
		}
		if n.Ty.Kind == TyBool && label == "" {
			return b2i(v != 0), "", ok
		}
		return wrap(v, n.Ty), label, ok
	case NAddr:
		return p.addrOf(n.L)
	case NVar:
		if n.Ty.Kind == TyArray || n.Ty.Kind == TyFunc {
			return p.addrOf(n)
		}
		return 0, "", false
	case NAdd, NSub:
		l, ll, ok1 := p.eval(n.L)
		r, rl, ok2 := p.eval(n.R)
		if !ok1 || !ok2 || rl != "" {
			return 0, "", false
		}
		if n.Kind == NSub {
			r = -r
		}
		return wrap(l+r, n.Ty), ll, true
	case NCond:
		c, cl, ok := p.eval(n.Cond)
		if !ok || cl != "" {
			return 0, "", false
		}
		if c != 0 {
			return p.eval(n.Then)
		}
		return p.eval(n.Else)
	case NNeg, NBitNot, NNot:
		x, xl, ok := p.eval(n.L)
		if !ok || xl != "" {
			return 0, "", false
		}
		switch n.Kind {
		case NNeg:
			return wrap(-x, n.Ty), "", true
		case NBitNot:
			return wrap(^x, n.Ty), "", true
		}
		return b2i(x == 0), "", true
	}
	if n.L == nil || n.R == nil {
		return 0, "", false
	}
	l, ll, ok1 := p.eval(n.L)
	r, rl, ok2 := p.eval(n.R)
	if !ok1 || !ok2 || ll != "" || rl != "" {
		return 0, "", false
	}
	return p.evalBinary(n, l, r)
}

func (p *parser) evalBinary(n *Node, l, r int64) (int64, string, bool) {
	unsigned := n.L.Ty.Unsigned || n.L.Ty.Kind == TyPtr
	var v int64
	switch n.Kind {
	case NMul:
		v = l * r
	case NDiv, NMod:
		if r == 0 {
			return 0, "", false
		}
		if unsigned {
			a, b := uint32(l), uint32(r)
			v = int64(a / b)
			if n.Kind == NMod {
				v = int64(a % b)
			}
		} else if n.Kind == NDiv {
			v = l / r
		} else {
			v = l % r
		}
	case NBitAnd:
		v = l & r
	case NBitOr:
		v = l | r
	case NBitXor:
		v = l ^ r
	case NShl:
		v = l << uint(r&31)
	case NShr:
		if unsigned {
			v = int64(uint32(l) >> uint(r&31))
		} else {
			v = int64(int32(l) >> uint(r&31))
		}
	case NEq:
		v = b2i(l == r)
	case NNe:
		v = b2i(l != r)
	case NLt, NLe, NGt, NGe:
		if unsigned {
			l, r = int64(uint32(l)), int64(uint32(r))
		}
		v = b2i(map[NodeKind]bool{NLt: l < r, NLe: l <= r, NGt: l > r, NGe: l >= r}[n.Kind])
	case NLogAnd:
		v = b2i(l != 0 && r != 0)
	case NLogOr:
		v = b2i(l != 0 || r != 0)
	default:
		return 0, "", false
	}
	return wrap(v, n.Ty), "", true
}

// addrOf evaluates the address of a static-storage lvalue.
func (p *parser) addrOf(n *Node) (int64, string, bool) {
	switch n.Kind {
	case NVar:
		if n.Var.Local {
			return 0, "", false
		}
		return 0, n.Var.Name, true
	case NMember:
		v, l, ok := p.addrOf(n.L)
		return v + int64(n.Mem.Offset), l, ok
	case NDeref:
		return p.eval(n.L)
	}
	return 0, "", false
}

// wrap reduces v to the values of type t.
func wrap(v int64, t *Type) int64 {
	switch {
	case t.Kind == TyBool:
		return b2i(v != 0)
	case t.Size == 1 && t.Unsigned:
		return int64(uint8(v))
	case t.Size == 1:
		return int64(int8(v))
	case t.Size == 2 && t.Unsigned:
		return int64(uint16(v))
	case t.Size == 2:
		return int64(int16(v))
	case t.Unsigned:
		return int64(uint32(v))
	}
	return int64(int32(v))
}
