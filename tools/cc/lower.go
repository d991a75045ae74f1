package cc

import (
	"fmt"
	"io"
	"strings"

	"v6vm/tools/backend"
	"v6vm/v6vm/isa"
)

// A lowerer translates a checked Program to the back end's IR. The syntax
// tree already has every conversion explicit and pointer arithmetic
// scaled, so this is mostly one IR node per C node.
type lowerer struct {
	types  map[*Type]*backend.Type
	fields map[*Member]*backend.Field
	objs   map[*Obj]*backend.Obj

	// Per function.
	cases  map[*Node]*backend.Node // NCase -> OpCase
	labels map[*Node][2]string     // loop or switch -> break, continue labels
	nlabel int
}

// Lower translates prog to the back end's IR.
func Lower(prog *Program) *backend.Program {
	l := &lowerer{types: map[*Type]*backend.Type{}, fields: map[*Member]*backend.Field{}, objs: map[*Obj]*backend.Obj{}}
	out := &backend.Program{}
	for _, o := range prog.Objs {
		out.Objs = append(out.Objs, l.obj(o))
	}
	for _, o := range prog.Objs {
		if o.IsFunc && o.Defined {
			l.function(o)
		}
	}
	return out
}

// Generate writes the assembly for prog to w; files supplies source lines
// for the comments above each statement. optimize selects the back end's
// improved instruction choice (same frames and stack slots).
func Generate(w io.Writer, prog *Program, files map[string]*File, optimize bool) error {
	opt := backend.Options{Source: func(name string, line int) string {
		f := files[name]
		if f == nil || line < 1 || line > len(f.lines) {
			return ""
		}
		start := f.lines[line-1]
		end := strings.IndexByte(f.Text[start:], '\n')
		if end < 0 {
			end = len(f.Text) - start
		}
		return f.Text[start : start+end]
	}}
	// The C demos (race.c's loop lengths, faults.c's sibling, sched.c) are
	// calibrated on the instruction counts of the plain code: the default.
	opt.Unoptimized = !optimize
	return backend.Generate(w, Lower(prog), opt)
}

func (l *lowerer) typ(t *Type) *backend.Type {
	if bt, ok := l.types[t]; ok {
		return bt
	}
	var bt *backend.Type
	switch t.Kind {
	case TyVoid:
		bt = backend.Int(backend.Void)
	case TyBool:
		bt = backend.Int(backend.Bool)
	case TyChar, TyShort, TyInt, TyLong, TyEnum:
		k := map[int]backend.Kind{1: backend.Int8, 2: backend.Int16, 4: backend.Int32}[t.Size]
		if t.Unsigned {
			k++ // each unsigned kind follows its signed one
		}
		bt = backend.Int(k)
	case TyPtr:
		bt = &backend.Type{Kind: backend.Ptr, Size: 4, Align: 4}
		l.types[t] = bt
		bt.Elem = l.typ(t.Base)
		return bt
	case TyArray:
		bt = backend.ArrayOf(l.typ(t.Base), max(t.Len, 0))
	case TyStruct, TyUnion:
		return l.aggregate(t)
	case TyFunc:
		var params []*backend.Type
		for _, p := range t.Params {
			params = append(params, l.typ(p))
		}
		bt = backend.FuncOf(l.typ(t.Return), params, t.Variadic || t.OldStyle)
	}
	l.types[t] = bt
	return bt
}

// aggregate maps a struct or union with the offsets the parser laid out;
// it is cached before its fields so self-referential structs terminate.
func (l *lowerer) aggregate(t *Type) *backend.Type {
	bt := &backend.Type{Kind: backend.Struct, Size: max(t.Size, 0), Align: t.Align, Name: t.String()}
	if t.Kind == TyUnion {
		bt.Kind = backend.Union
	}
	l.types[t] = bt
	for _, m := range t.Members {
		if m.BitWidth == 0 {
			bt.Fields = append(bt.Fields, l.field(m))
		}
	}
	return bt
}

// field returns the back end's field for m: for a bit-field, the unit of
// m's type that holds it.
func (l *lowerer) field(m *Member) *backend.Field {
	f, ok := l.fields[m]
	if !ok {
		f = &backend.Field{Name: m.Name, Type: l.typ(m.Ty), Offset: m.Offset}
		l.fields[m] = f
	}
	return f
}

// bitField reads bit-field m of x: the unit's bits shifted down, with the
// sign extended for a signed field.
func (l *lowerer) bitField(p backend.Pos, x *backend.Node, m *Member, t *backend.Type) *backend.Node {
	i32, u32 := backend.Int(backend.Int32), backend.Int(backend.Uint32)
	unit := backend.FieldOf(p, x, l.field(m))
	if m.Ty.Unsigned || m.Ty.Kind == TyBool {
		v := backend.Binary(p, backend.OpShr, u32, backend.Unary(p, backend.OpCast, u32, unit), backend.Num(p, i32, int64(m.BitOff)))
		mask := int64(uint32(uint64(1)<<m.BitWidth - 1))
		return backend.Unary(p, backend.OpCast, t, backend.Binary(p, backend.OpAnd, u32, v, backend.Num(p, u32, mask)))
	}
	up := backend.Binary(p, backend.OpShl, i32, backend.Unary(p, backend.OpCast, i32, unit), backend.Num(p, i32, int64(32-m.BitOff-m.BitWidth)))
	return backend.Unary(p, backend.OpCast, t, backend.Binary(p, backend.OpShr, i32, up, backend.Num(p, i32, int64(32-m.BitWidth))))
}

func pos(t *Token) backend.Pos {
	if t == nil || t.Pos.File == nil {
		return backend.Pos{}
	}
	line, col := t.Pos.LineCol()
	return backend.Pos{File: t.Pos.File.Name, Line: line, Col: col}
}

func (l *lowerer) obj(o *Obj) *backend.Obj {
	if bo, ok := l.objs[o]; ok {
		return bo
	}
	bo := &backend.Obj{Name: o.Name, Type: l.typ(o.Ty), Pos: pos(o.Tok), Local: o.Local, Static: o.Static}
	l.objs[o] = bo
	if !o.Local {
		bo.Name = symbol(o.Name)
		bo.Func = o.IsFunc
		bo.Extern = o.Extern || o.IsFunc && !o.Defined
		bo.Init = o.Init
		for _, r := range o.Relocs {
			bo.Relocs = append(bo.Relocs, backend.Reloc{Offset: r.Offset, Label: symbol(r.Label), Addend: r.Addend})
		}
	}
	return bo
}

// isRegisterName reports whether the assembler reads name, in any case, as
// a register (isa's tables are the assembler's too).
func isRegisterName(name string) bool {
	name = strings.ToLower(name)
	for i := range isa.RegNames32 {
		if name == isa.RegNames32[i] || name == isa.RegNames16[i] || name == isa.RegNames8[i] || name == isa.CRNames[i] {
			return true
		}
	}
	return false
}

// symbol is the assembly name of a C object: its own name, except that a
// name the assembler would read as a register becomes C.name, which no C
// identifier can spell.
func symbol(name string) string {
	if isRegisterName(name) {
		return "C." + name
	}
	return name
}

func (l *lowerer) function(fn *Obj) {
	bo := l.obj(fn)
	l.cases, l.labels, l.nlabel = map[*Node]*backend.Node{}, map[*Node][2]string{}, 0
	for _, p := range fn.Params {
		bo.Params = append(bo.Params, l.obj(p))
	}
	for _, v := range fn.Locals {
		bo.Locals = append(bo.Locals, l.obj(v))
	}
	bo.Body = l.stmt(fn.Body)
	bo.End = pos(fn.End) // the epilogue maps to the closing brace
}

// loopLabels names the break and continue targets of a loop or switch.
func (l *lowerer) loopLabels(n *Node) [2]string {
	if ls, ok := l.labels[n]; ok {
		return ls
	}
	l.nlabel++
	ls := [2]string{fmt.Sprintf("brk.%d", l.nlabel), fmt.Sprintf("cont.%d", l.nlabel)}
	l.labels[n] = ls
	return ls
}

func (l *lowerer) stmts(ns []*Node) []*backend.Node {
	var out []*backend.Node
	for _, n := range ns {
		out = append(out, l.stmt(n))
	}
	return out
}

func (l *lowerer) stmt(n *Node) *backend.Node {
	if n == nil {
		return nil
	}
	p := pos(n.Tok)
	switch n.Kind {
	case NBlock:
		return backend.Block(p, l.stmts(n.Body)...)
	case NExprStmt:
		return &backend.Node{Op: backend.OpExpr, Pos: p, Lhs: l.expr(n.L)}
	case NIf:
		return &backend.Node{Op: backend.OpIf, Pos: p, Cond: l.expr(n.Cond), Then: l.stmt(n.Then), Else: l.stmt(n.Else)}
	case NFor, NDo:
		ls := l.loopLabels(n)
		op := backend.OpFor
		if n.Kind == NDo {
			op = backend.OpDo
		}
		b := &backend.Node{Op: op, Pos: p, Init: l.stmt(n.Init), Break: ls[0], Cont: ls[1]}
		if n.Cond != nil {
			b.Cond = l.expr(n.Cond)
		}
		if n.Inc != nil {
			b.Inc = l.expr(n.Inc)
		}
		b.Then = l.stmt(n.Then)
		return b
	case NSwitch:
		return l.switchStmt(n)
	case NCase:
		c := &backend.Node{Op: backend.OpCase, Pos: p, Val: n.Val}
		l.cases[n] = c
		return c
	case NGoto:
		return backend.Goto(p, "u."+n.Label)
	case NLabel:
		return backend.Label(p, "u."+n.Label)
	case NBreak:
		return backend.Goto(p, l.loopLabels(n.Target)[0])
	case NContinue:
		return backend.Goto(p, l.loopLabels(n.Target)[1])
	case NReturn:
		if n.L != nil && n.L.Ty.Kind == TyVoid {
			// return f(); in a void function: evaluate, then return.
			return backend.Block(p, backend.ExprStmt(l.expr(n.L)), backend.Return(p, nil))
		}
		if n.L == nil {
			return backend.Return(p, nil)
		}
		return backend.Return(p, l.expr(n.L))
	}
	panic(fmt.Sprintf("cc: lowering statement kind %d", n.Kind))
}

func (l *lowerer) switchStmt(n *Node) *backend.Node {
	ls := l.loopLabels(n)
	b := &backend.Node{Op: backend.OpSwitch, Pos: pos(n.Tok), Cond: l.expr(n.Cond), Break: ls[0]}
	b.Then = l.stmt(n.Then)
	for _, c := range n.Cases {
		b.Cases = append(b.Cases, l.cases[c])
	}
	if n.Default != nil {
		b.Default = l.cases[n.Default]
	}
	return b
}

// irOp maps a node kind to its IR op; binary says whether it has two
// operands. ok is false for the kinds expr handles itself.
func irOp(k NodeKind) (op backend.Op, binary, ok bool) {
	switch k {
	case NAdd:
		return backend.OpAdd, true, true
	case NSub:
		return backend.OpSub, true, true
	case NMul:
		return backend.OpMul, true, true
	case NDiv:
		return backend.OpDiv, true, true
	case NMod:
		return backend.OpMod, true, true
	case NBitAnd:
		return backend.OpAnd, true, true
	case NBitOr:
		return backend.OpOr, true, true
	case NBitXor:
		return backend.OpXor, true, true
	case NShl:
		return backend.OpShl, true, true
	case NShr:
		return backend.OpShr, true, true
	case NEq:
		return backend.OpEq, true, true
	case NNe:
		return backend.OpNe, true, true
	case NLt:
		return backend.OpLt, true, true
	case NLe:
		return backend.OpLe, true, true
	case NGt:
		return backend.OpGt, true, true
	case NGe:
		return backend.OpGe, true, true
	case NLogAnd:
		return backend.OpLogAnd, true, true
	case NLogOr:
		return backend.OpLogOr, true, true
	case NComma:
		return backend.OpComma, true, true
	case NAssign:
		return backend.OpAssign, true, true
	case NAddr:
		return backend.OpAddr, false, true
	case NDeref:
		return backend.OpDeref, false, true
	case NNeg:
		return backend.OpNeg, false, true
	case NBitNot:
		return backend.OpBitNot, false, true
	case NNot:
		return backend.OpNot, false, true
	case NCast:
		return backend.OpCast, false, true
	case NZero:
		return backend.OpZero, false, true
	}
	return 0, false, false
}

func (l *lowerer) expr(n *Node) *backend.Node {
	p := pos(n.Tok)
	t := l.typ(n.Ty)
	if op, bin, ok := irOp(n.Kind); ok && bin {
		return backend.Binary(p, op, t, l.expr(n.L), l.expr(n.R))
	} else if ok {
		return backend.Unary(p, op, t, l.expr(n.L))
	}
	switch n.Kind {
	case NNum:
		return backend.Num(p, t, n.Val)
	case NVar:
		return &backend.Node{Op: backend.OpVar, Type: t, Pos: p, Var: l.obj(n.Var)}
	case NMember:
		if n.Mem.BitWidth > 0 {
			return l.bitField(p, l.expr(n.L), n.Mem, t)
		}
		return backend.FieldOf(p, l.expr(n.L), l.field(n.Mem))
	case NCond:
		return &backend.Node{Op: backend.OpCond, Type: t, Pos: p, Cond: l.expr(n.Cond), Then: l.expr(n.Then), Else: l.expr(n.Else)}
	case NCall:
		var args []*backend.Node
		for _, a := range n.Args {
			args = append(args, l.expr(a))
		}
		return backend.Call(p, t, l.expr(n.L), args)
	}
	panic(fmt.Sprintf("cc: lowering expression kind %d", n.Kind))
}
