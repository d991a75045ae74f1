package backend

// call emits a call. The outgoing argument area is reserved first and each
// argument is evaluated left to right straight into its slot, so side
// effects happen in source order while the stack at the call is plain
// cdecl (first argument at [esp]). A call returning an aggregate passes the
// address of its result buffer as a hidden first argument.
func (g *gen) call(n *Node) {
	hidden := n.Type.IsAggregate()
	size, offs := 0, make([]int, len(n.Args))
	if hidden {
		size = 4
	}
	for i, a := range n.Args {
		offs[i] = size
		size += alignTo(max(a.Type.Size, 4), 4)
	}
	if size > 0 {
		g.ins("sub esp, %d", size)
	}
	for i, a := range n.Args {
		g.expr(a)
		if a.Type.IsAggregate() {
			g.ins("lea ecx, [esp+%d]", offs[i])
			g.copy(a.Type.Size)
		} else {
			g.ins("mov [esp+%d], eax", offs[i])
		}
	}
	if hidden {
		g.ins("lea eax, [ebp%+d]", g.temps[n])
		g.ins("mov [esp], eax")
	}
	if n.Fn.Op == OpVar && n.Fn.Var.Func {
		g.ins("call %s", n.Fn.Var.Name)
	} else {
		g.expr(n.Fn)
		g.ins("call eax")
	}
	if size > 0 {
		g.ins("add esp, %d", size)
	}
	// A narrow result is re-extended: the callee may be an assembly
	// routine (or gcc-style code) that only sets AL or AX.
	if n.Type.Kind == Bool {
		g.ins("movzx eax, al")
	} else {
		g.narrow(n.Type)
	}
}
