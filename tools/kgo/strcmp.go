package kgo

import (
	"go/token"

	"v6vm/tools/backend"
)

// compareStrings lowers a string comparison to a call of the package's copy
// of kgohelp's strcmp, so no runtime routine is needed.
func (c *compiler) compareStrings(p backend.Pos, op token.Token, x, y *backend.Node) *backend.Node {
	i32 := backend.Int(backend.Int32)
	bop := map[token.Token]backend.Op{
		token.EQL: backend.OpEq, token.NEQ: backend.OpNe, token.LSS: backend.OpLt,
		token.LEQ: backend.OpLe, token.GTR: backend.OpGt, token.GEQ: backend.OpGe,
	}[op]
	fn := c.helper("strcmp")
	call := backend.Call(p, i32, backend.Var(p, fn), []*backend.Node{x, y})
	return backend.Binary(p, bop, backend.Int(backend.Bool), call, backend.Num(p, i32, 0))
}
