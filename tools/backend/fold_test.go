package backend_test

import (
	"math/rand"
	"testing"

	. "v6vm/tools/backend"
)

// TestFoldMatchesRuntime computes the same operations twice in one program:
// on constants, which the back end folds, and on variables holding the
// same values, which the machine computes (also through the constant-
// operand code: immediates, shifts and masks for divisions). main returns
// how many results differ.
func TestFoldMatchesRuntime(t *testing.T) {
	kinds := []Kind{Int8, Uint8, Int16, Uint16, Int32, Uint32}
	ops := []Op{OpAdd, OpSub, OpMul, OpDiv, OpMod, OpAnd, OpOr, OpXor, OpShl, OpShr, OpEq, OpNe, OpLt, OpLe, OpGt, OpGe}
	vals := []int64{0, 1, 2, 3, 7, 8, 31, 32, 33, 100, 127, 128, 255, 256, 4096, 65535, 65536, 0x7fffffff, -1, -2, -8, -128, -129, -32768, -0x80000000}
	rng := rand.New(rand.NewSource(1))
	norm := func(k Kind, v int64) int64 {
		switch k {
		case Int8:
			return int64(int8(v))
		case Uint8:
			return int64(uint8(v))
		case Int16:
			return int64(int16(v))
		case Uint16:
			return int64(uint16(v))
		case Uint32:
			return int64(uint32(v))
		}
		return int64(int32(v))
	}
	bad := local("bad", i32())
	var locals []*Obj
	stmts := []*Node{set(bad, num(0))}
	for i := 0; i < 400; i++ {
		k := kinds[rng.Intn(len(kinds))]
		op := ops[rng.Intn(len(ops))]
		t0 := Int(k)
		a, b := norm(k, vals[rng.Intn(len(vals))]), norm(k, vals[rng.Intn(len(vals))])
		if (op == OpDiv || op == OpMod) && b == 0 {
			b = 3
		}
		if op == OpShl || op == OpShr {
			b = int64(rng.Intn(40))
		}
		rt := t0
		if op >= OpEq {
			rt = Int(Bool)
		}
		x, y := local("x", t0), local("y", t0)
		locals = append(locals, x, y)
		folded := Binary(pos, op, rt, Num(pos, t0, a), Num(pos, t0, b))
		withConst := Binary(pos, op, rt, Var(pos, x), Num(pos, t0, b))
		runtime := Binary(pos, op, rt, Var(pos, x), Var(pos, y))
		count := func(e *Node) *Node {
			return &Node{Op: OpIf, Pos: pos, Cond: Binary(pos, OpNe, Int(Bool), Unary(pos, OpCast, i32(), e), Unary(pos, OpCast, i32(), runtime)),
				Then: set(bad, add(Var(pos, bad), num(1)))}
		}
		stmts = append(stmts, set(x, Num(pos, t0, a)), set(y, Num(pos, t0, b)), count(folded), count(withConst))
	}
	stmts = append(stmts, Return(pos, Var(pos, bad)))
	main := fn("main", i32(), nil, append(locals, bad), stmts...)
	if got := run(t, main); got != 0 {
		t.Errorf("%d folded or constant-operand results differ from the machine's", got)
	}
}
