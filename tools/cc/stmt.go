package cc

// compound parses a block after checking for its '{'.
func (p *parser) compound() *Node {
	open := p.expect("{")
	block := &Node{Kind: NBlock, Tok: open}
	p.enterScope()
	defer p.leaveScope()
	for !p.at("}") {
		if p.peek().Kind == TEOF {
			p.errorAt(open, "unterminated block: expected '}' at end of file")
			panic(bailout{})
		}
		if s := p.blockItem(); s != nil {
			block.Body = append(block.Body, s)
		}
	}
	p.next()
	return block
}

// blockItem parses one declaration or statement, recovering from syntax
// errors inside it.
func (p *parser) blockItem() (n *Node) {
	defer p.recoverTo(p.pos, false)
	if p.isTypename() && !p.peekN(1).is(":") {
		return p.localDecl()
	}
	return p.stmt()
}

func (p *parser) stmt() *Node {
	defer p.nest()()
	t := p.peek()
	if t.Kind == TIdent && p.peekN(1).is(":") {
		return p.labeled()
	}
	if t.Kind != TKeyword && !t.is("{") && !t.is(";") {
		e := p.expr()
		p.expect(";")
		return &Node{Kind: NExprStmt, Tok: t, L: e}
	}
	switch t.Text {
	case "{":
		return p.compound()
	case ";":
		p.next()
		return &Node{Kind: NBlock, Tok: t}
	case "if":
		return p.ifStmt()
	case "while":
		p.next()
		n := &Node{Kind: NFor, Tok: t}
		p.expect("(")
		n.Cond = p.condExpr(p.expr())
		p.expect(")")
		n.Then = p.loopBody(n)
		return n
	case "for":
		return p.forStmt()
	case "do":
		return p.doStmt()
	case "switch":
		return p.switchStmt()
	case "case", "default":
		return p.caseStmt()
	case "break", "continue":
		return p.jump()
	case "goto":
		p.next()
		name := p.ident()
		n := &Node{Kind: NGoto, Tok: name, Label: name.Text}
		p.expect(";")
		p.gotos = append(p.gotos, n)
		return n
	case "return":
		return p.returnStmt()
	}
	e := p.expr()
	p.expect(";")
	return &Node{Kind: NExprStmt, Tok: t, L: e}
}

func (p *parser) labeled() *Node {
	name := p.next()
	p.next()
	if p.labels[name.Text] != nil {
		p.errorAt(name, "duplicate label '%s'", name.Text)
	}
	n := &Node{Kind: NLabel, Tok: name, Label: name.Text}
	p.labels[name.Text] = n
	if p.at("}") {
		p.errorAt(p.peek(), "label at end of compound statement")
		return n
	}
	return &Node{Kind: NBlock, Tok: name, Body: []*Node{n, p.stmt()}}
}

// condExpr checks that e can control an if or loop.
func (p *parser) condExpr(e *Node) *Node {
	if !e.Ty.isScalar() && !isPoison(e) {
		p.errorAt(e.Tok, "used %s where a scalar is required", e.Ty)
	}
	return e
}

func (p *parser) ifStmt() *Node {
	n := &Node{Kind: NIf, Tok: p.next()}
	p.expect("(")
	n.Cond = p.condExpr(p.expr())
	p.expect(")")
	n.Then = p.stmt()
	if p.accept("else") {
		n.Else = p.stmt()
	}
	return n
}

// loopBody parses a loop's body with break and continue bound to loop.
func (p *parser) loopBody(loop *Node) *Node {
	brk, cont := p.brk, p.cont
	p.brk, p.cont = loop, loop
	defer func() { p.brk, p.cont = brk, cont }()
	return p.stmt()
}

func (p *parser) forStmt() *Node {
	n := &Node{Kind: NFor, Tok: p.next()}
	p.expect("(")
	p.enterScope()
	defer p.leaveScope()
	if p.isTypename() {
		n.Init = p.localDecl()
	} else if !p.accept(";") {
		e := p.expr()
		n.Init = &Node{Kind: NExprStmt, Tok: e.Tok, L: e}
		p.expect(";")
	}
	if !p.at(";") {
		n.Cond = p.condExpr(p.expr())
	}
	p.expect(";")
	if !p.at(")") {
		n.Inc = p.expr()
	}
	p.expect(")")
	n.Then = p.loopBody(n)
	return n
}

func (p *parser) doStmt() *Node {
	n := &Node{Kind: NDo, Tok: p.next()}
	n.Then = p.loopBody(n)
	p.expect("while")
	p.expect("(")
	n.Cond = p.condExpr(p.expr())
	p.expect(")")
	p.expect(";")
	return n
}

func (p *parser) switchStmt() *Node {
	n := &Node{Kind: NSwitch, Tok: p.next()}
	p.expect("(")
	cond := p.expr()
	if !cond.Ty.isInteger() {
		p.errorAt(cond.Tok, "switch quantity not an integer")
	}
	n.Cond = p.cast(cond, promote(cond.Ty))
	p.expect(")")
	brk, sw := p.brk, p.sw
	p.brk, p.sw = n, n
	defer func() { p.brk, p.sw = brk, sw }()
	n.Then = p.stmt()
	return n
}

func (p *parser) caseStmt() *Node {
	t := p.next()
	n := &Node{Kind: NCase, Tok: t}
	valTok := t
	if t.Text == "case" {
		e := p.conditional()
		valTok = e.Tok
		v, ok := p.constValue(e)
		if !ok {
			p.errorAt(e.Tok, "case label does not reduce to an integer constant")
		}
		n.Val = v
	}
	p.expect(":")
	switch {
	case p.sw == nil:
		p.errorAt(t, "'%s' label not within a switch statement", t.Text)
	case t.Text == "default":
		if p.sw.Default != nil {
			p.errorAt(t, "multiple default labels in one switch")
		}
		p.sw.Default = n
	default:
		n.Val = int64(int32(n.Val))
		if p.sw.Cond.Ty.Unsigned {
			n.Val = int64(uint32(n.Val))
		}
		for _, c := range p.sw.Cases {
			if c.Val == n.Val {
				p.errorAt(valTok, "duplicate case value %d", n.Val)
			}
		}
		p.sw.Cases = append(p.sw.Cases, n)
	}
	if p.at("}") {
		p.errorAt(p.peek(), "label at end of compound statement")
		return n
	}
	return &Node{Kind: NBlock, Tok: t, Body: []*Node{n, p.stmt()}}
}

func (p *parser) jump() *Node {
	t := p.next()
	p.expect(";")
	if t.Text == "break" {
		if p.brk == nil {
			p.errorAt(t, "break statement not within loop or switch")
		}
		return &Node{Kind: NBreak, Tok: t, Target: p.brk}
	}
	if p.cont == nil {
		p.errorAt(t, "continue statement not within a loop")
	}
	return &Node{Kind: NContinue, Tok: t, Target: p.cont}
}

func (p *parser) returnStmt() *Node {
	n := &Node{Kind: NReturn, Tok: p.next()}
	if p.accept(";") {
		return n
	}
	e := p.expr()
	p.expect(";")
	ret := p.fn.Ty.Return
	if ret.Kind == TyVoid {
		if e.Ty.Kind != TyVoid {
			p.errorAt(n.Tok, "'return' with a value in function returning void")
		}
		n.L = e
		return n
	}
	n.L = p.assignConv(e, ret, "return")
	return n
}
