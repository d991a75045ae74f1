package backend

import (
	"fmt"
	"strings"
)

// function emits one function: prologue, body, and the single epilogue
// ".Lreturn: leave; ret" that every return jumps to.
func (g *gen) function(fn *Obj) {
	g.fn, g.line = fn, 0
	g.cases = map[*Node]string{}
	body := fn.Body
	if !g.opt.Unoptimized {
		body = fold(body)
	}
	size := g.layoutFrame(fn, body)
	g.taken = map[*Obj]bool{}
	walk(body, func(n *Node) {
		if n.Op == OpAddr {
			if v := rootVar(n.Lhs); v != nil {
				g.taken[v] = true
			}
		}
	})
	g.ins(".text")
	if !fn.Static {
		g.ins(".globl %s", fn.Name)
	}
	g.emitLabel(fn.Name)
	g.frameComment(fn)
	g.loc(fn.Pos)
	g.ins("push ebp")
	g.ins("mov ebp, esp")
	if size > 0 {
		g.ins("sub esp, %d", size)
	}
	if g.opt.Unoptimized {
		g.stmt0(body)
	} else {
		g.stmt(body)
	}
	g.emitLabel(".Lreturn")
	g.loc(fn.End)
	g.ins("leave")
	g.ins("ret")
}

// layoutFrame gives every parameter and local its EBP offset and reserves
// the result buffers of calls returning aggregates. It returns the frame
// size below EBP, a multiple of 4.
func (g *gen) layoutFrame(fn *Obj, body *Node) int {
	g.frame = map[*Obj]int{}
	g.temps = map[*Node]int{}
	res := fn.Type.Result
	g.retPtr = res != nil && res.IsAggregate()
	off := 8
	if g.retPtr {
		off = 12
	}
	for _, p := range fn.Params {
		g.frame[p] = off
		off += alignTo(max(p.Type.Size, 4), 4)
	}
	bottom := 0
	alloc := func(t *Type) int {
		bottom = alignTo(bottom+t.Size, max(t.Align, 4))
		return -bottom
	}
	for _, l := range fn.Locals {
		g.frame[l] = alloc(l.Type)
	}
	walk(body, func(n *Node) {
		if n.Op == OpCall && n.Type.IsAggregate() {
			g.temps[n] = alloc(n.Type)
		}
	})
	return alignTo(bottom, 4)
}

// frameComment lists where the named parameters and locals live, so a
// reader of the assembly (or of a stack dump) can find them.
func (g *gen) frameComment(fn *Obj) {
	var parts []string
	for _, o := range append(append([]*Obj(nil), fn.Params...), fn.Locals...) {
		if o.Name == "" || o.Name == "_" || strings.HasPrefix(o.Name, ".") {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s=[ebp%+d]", o.Name, g.frame[o]))
	}
	if len(parts) > 0 {
		g.directive("; frame: %s", strings.Join(parts, " "))
	}
}

// walk calls f on n and every node below it.
func walk(n *Node, f func(*Node)) {
	if n == nil {
		return
	}
	f(n)
	for _, c := range []*Node{n.Lhs, n.Rhs, n.Cond, n.Then, n.Else, n.Init, n.Inc, n.Fn} {
		walk(c, f)
	}
	for _, c := range n.Body {
		walk(c, f)
	}
	for _, c := range n.Args {
		walk(c, f)
	}
}

// stmt emits one statement.
func (g *gen) stmt(n *Node) {
	if n == nil {
		return
	}
	if n.Op != OpBlock {
		g.loc(n.Pos)
	}
	switch n.Op {
	case OpBlock:
		for _, s := range n.Body {
			g.stmt(s)
		}
	case OpExpr:
		g.discard(n.Lhs)
	case OpIf:
		g.ifStmt(n)
	case OpFor:
		g.forStmt(n)
	case OpDo:
		g.doStmt(n)
	case OpSwitch:
		g.switchStmt(n)
	case OpCase:
		g.emitLabel(g.caseLabel(n))
	case OpGoto:
		g.ins("jmp %s", userLabel(n.Label))
	case OpLabel:
		g.emitLabel(userLabel(n.Label))
	case OpReturn:
		g.returnStmt(n)
	default:
		g.errorf(n.Pos, "backend: op %d is not a statement", n.Op)
	}
}

func (g *gen) ifStmt(n *Node) {
	end := g.newLabel()
	if n.Else == nil {
		g.cond(n.Cond, end, false)
		g.stmt(n.Then)
		g.emitLabel(end)
		return
	}
	els := g.newLabel()
	g.cond(n.Cond, els, false)
	g.stmt(n.Then)
	g.ins("jmp %s", end)
	g.emitLabel(els)
	g.stmt(n.Else)
	g.emitLabel(end)
}

// loopLabels returns the assembly names of a loop's break and continue
// targets, making fresh ones when the front end left them empty.
func (g *gen) loopLabels(n *Node) (brk, cont string) {
	brk, cont = g.newLabel(), g.newLabel()
	if n.Break != "" {
		brk = userLabel(n.Break)
	}
	if n.Cont != "" {
		cont = userLabel(n.Cont)
	}
	return brk, cont
}

// forStmt lays a loop out as gcc -O0 does: the test at the bottom, entered
// by a jump, so that each iteration runs one conditional jump back.
func (g *gen) forStmt(n *Node) {
	brk, cont := g.loopLabels(n)
	begin, test := g.newLabel(), g.newLabel()
	g.stmt(n.Init)
	if n.Cond != nil {
		g.loc(n.Pos)
		g.ins("jmp %s", test)
	}
	g.emitLabel(begin)
	g.stmt(n.Then)
	g.emitLabel(cont)
	g.loc(n.Pos)
	if n.Inc != nil {
		g.discard(n.Inc)
	}
	g.emitLabel(test)
	if n.Cond != nil {
		g.cond(n.Cond, begin, true)
	} else {
		g.ins("jmp %s", begin)
	}
	g.emitLabel(brk)
}

func (g *gen) doStmt(n *Node) {
	brk, cont := g.loopLabels(n)
	begin := g.newLabel()
	g.emitLabel(begin)
	g.stmt(n.Then)
	g.emitLabel(cont)
	g.loc(n.Pos)
	g.cond(n.Cond, begin, true)
	g.emitLabel(brk)
}

func (g *gen) caseLabel(n *Node) string {
	if n.Label != "" {
		return userLabel(n.Label)
	}
	l, ok := g.cases[n]
	if !ok {
		l = g.newLabel()
		g.cases[n] = l
	}
	return l
}

// switchStmt compares the value with each case in turn (a jump table is not
// worth it at -O0) and falls back to default or the end.
func (g *gen) switchStmt(n *Node) {
	brk, _ := g.loopLabels(n)
	g.expr(n.Cond)
	for _, c := range n.Cases {
		g.ins("cmp eax, %s", imm(c.Val))
		g.ins("je %s", g.caseLabel(c))
	}
	if n.Default != nil {
		g.ins("jmp %s", g.caseLabel(n.Default))
	} else {
		g.ins("jmp %s", brk)
	}
	g.stmt(n.Then)
	g.emitLabel(brk)
}

func (g *gen) returnStmt(n *Node) {
	if n.Lhs != nil {
		g.expr(n.Lhs)
		if g.retPtr {
			g.ins("mov ecx, [ebp+8]")
			g.copy(n.Lhs.Type.Size)
			g.ins("mov eax, ecx")
		}
	}
	g.ins("jmp .Lreturn")
}

// rootVar is the variable an lvalue is part of (x for x, x.f, x[i]), or nil
// for what a pointer designates.
func rootVar(n *Node) *Obj {
	switch n.Op {
	case OpVar:
		return n.Var
	case OpField:
		return rootVar(n.Lhs)
	case OpIndex:
		if n.Lhs.Type.Kind == Array {
			return rootVar(n.Lhs)
		}
	case OpComma:
		return rootVar(n.Rhs)
	}
	return nil
}

// private reports whether n reads a scalar local whose address is never
// taken: no call or store through a pointer can change it, so reading it
// after other code (even calls) gives the same value as before.
func (g *gen) private(n *Node) bool {
	n = strip(n)
	if n.Op != OpVar || !n.Type.IsScalar() {
		return false
	}
	_, inFrame := g.frame[n.Var]
	return inFrame && !g.taken[n.Var]
}
