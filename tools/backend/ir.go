package backend

// Pos is a source position; Line 0 means unknown.
type Pos struct {
	File      string
	Line, Col int
}

// Op says what a Node is.
type Op uint8

// Expression ops. Operands are in Lhs and Rhs unless noted.
const (
	OpNum   Op = iota + 1 // integer constant Val (also pointers, e.g. fixed addresses)
	OpVar                 // Var: a local, parameter, global or function (its address as a value)
	OpAddr                // &Lhs
	OpDeref               // *Lhs
	OpField               // Lhs.Field (Lhs is a struct or union)
	OpIndex               // Lhs[Rhs]: Lhs an array or a pointer; scaled by the element size
	OpCheck               // index Lhs checked against length Rhs (unsigned); out of range calls Name(index, length); value is Lhs
	OpAdd
	OpSub
	OpMul
	OpDiv
	OpMod
	OpAnd
	OpOr
	OpXor
	OpShl
	OpShr // arithmetic if Lhs is signed, else logical
	OpEq
	OpNe
	OpLt
	OpLe
	OpGt
	OpGe
	OpNeg
	OpBitNot
	OpNot    // logical !
	OpLogAnd // &&
	OpLogOr  // ||
	OpCond   // Cond ? Then : Else
	OpComma  // Lhs, Rhs
	OpAssign // Lhs = Rhs; value is the stored value (for aggregates, Lhs's address)
	OpCast   // Lhs converted to Type (integer truncation/extension, pointer casts)
	OpCall   // Fn(Args...); Fn is an OpVar of a function for a direct call, else an expression of pointer-to-function type
	OpZero   // fill the object Lhs with zero bytes (Go zero values, C = {0})
	OpAsm    // inline instructions Asm with Args in EAX, ECX, EDX; Type is the result (Void for none)
)

// Statement ops.
const (
	OpBlock  Op = iota + 64 // Body
	OpExpr                  // Lhs, value discarded
	OpIf                    // if Cond Then else Else (Else may be nil)
	OpFor                   // Init; Cond; Inc; Then is the body; Break, Cont labels (Cond nil: forever)
	OpDo                    // do Then while Cond; Break, Cont labels
	OpSwitch                // switch Cond: Cases (OpCase nodes, also placed in Then's body), Default, Break label; Then is the body
	OpCase                  // a case label with value Val inside a switch body (Default: Val unused)
	OpGoto                  // goto Label
	OpLabel                 // Label: (a statement of its own)
	OpReturn                // return Lhs (nil for none)
)

// A Node is a statement or an expression. Expressions have Type set.
type Node struct {
	Op   Op
	Type *Type
	Pos  Pos

	Lhs, Rhs *Node
	Cond     *Node
	Then     *Node
	Else     *Node
	Init     *Node
	Inc      *Node
	Body     []*Node // OpBlock
	Fn       *Node   // OpCall: callee
	Args     []*Node // OpCall, OpAsm

	Val   int64  // OpNum, OpCase
	Var   *Obj   // OpVar
	Field *Field // OpField
	Name  string // OpCheck: the routine called when out of range
	Asm   string // OpAsm: instructions, one per line

	Label       string  // OpGoto, OpLabel, OpCase (set by Generate if empty)
	Break, Cont string  // OpFor, OpDo, OpSwitch: labels that break/continue jump to (via OpGoto)
	Cases       []*Node // OpSwitch
	Default     *Node   // OpSwitch
}

// An Obj is a function, a global variable, or a local variable/parameter.
type Obj struct {
	Name  string
	Type  *Type
	Pos   Pos
	Local bool // local variable or parameter: lives in the frame

	// Globals and functions.
	Static bool    // not exported (.globl omitted)
	Extern bool    // declared here, defined elsewhere: nothing is emitted
	Init   []byte  // initial bytes of a global (len = Type.Size); nil puts it in .bss
	Relocs []Reloc // addresses stored into Init

	// Functions.
	Func   bool
	Params []*Obj // in order; a hidden result pointer is added by the back end
	Locals []*Obj // all other frame variables, including front-end temporaries
	Body   *Node  // nil: an assembly routine or external function
	End    Pos    // optional: the closing brace, where the epilogue's .loc points
}

// A Reloc stores the address Label+Addend as 4 bytes at Offset of a global's
// Init (pointer initialisers: &x, string literals, function pointers).
type Reloc struct {
	Offset int
	Label  string
	Addend int64
}

// A Program is one compilation unit: one assembly file.
type Program struct {
	Objs []*Obj // functions and globals, emitted in order
}

// Constructors: short helpers for the common nodes. Front ends may also fill
// Node literals directly.

// Num is an integer constant of type t.
func Num(pos Pos, t *Type, v int64) *Node { return &Node{Op: OpNum, Type: t, Pos: pos, Val: v} }

// Var refers to obj.
func Var(pos Pos, obj *Obj) *Node { return &Node{Op: OpVar, Type: obj.Type, Pos: pos, Var: obj} }

// Binary builds the expression lhs op rhs of type t.
func Binary(pos Pos, op Op, t *Type, lhs, rhs *Node) *Node {
	return &Node{Op: op, Type: t, Pos: pos, Lhs: lhs, Rhs: rhs}
}

// Unary builds op lhs of type t (OpNeg, OpBitNot, OpNot, OpCast, OpDeref, OpAddr, ...).
func Unary(pos Pos, op Op, t *Type, lhs *Node) *Node {
	return &Node{Op: op, Type: t, Pos: pos, Lhs: lhs}
}

// Assign is lhs = rhs.
func Assign(pos Pos, lhs, rhs *Node) *Node {
	return &Node{Op: OpAssign, Type: lhs.Type, Pos: pos, Lhs: lhs, Rhs: rhs}
}

// FieldOf is x.f.
func FieldOf(pos Pos, x *Node, f *Field) *Node {
	return &Node{Op: OpField, Type: f.Type, Pos: pos, Lhs: x, Field: f}
}

// Call calls fn (an OpVar of a function, or a function pointer) with args.
func Call(pos Pos, result *Type, fn *Node, args []*Node) *Node {
	return &Node{Op: OpCall, Type: result, Pos: pos, Fn: fn, Args: args}
}

// Block groups statements.
func Block(pos Pos, stmts ...*Node) *Node { return &Node{Op: OpBlock, Pos: pos, Body: stmts} }

// ExprStmt evaluates e for its effects.
func ExprStmt(e *Node) *Node { return &Node{Op: OpExpr, Pos: e.Pos, Lhs: e} }

// Return returns e (nil for none).
func Return(pos Pos, e *Node) *Node { return &Node{Op: OpReturn, Pos: pos, Lhs: e} }

// Goto jumps to label.
func Goto(pos Pos, label string) *Node { return &Node{Op: OpGoto, Pos: pos, Label: label} }

// Label marks a jump target.
func Label(pos Pos, label string) *Node { return &Node{Op: OpLabel, Pos: pos, Label: label} }
