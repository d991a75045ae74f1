package cc

// A NodeKind says what a Node is.
type NodeKind int

// Expression kinds. The parser makes every implicit conversion an NCast and
// scales pointer arithmetic, so each node maps directly onto the back end.
const (
	NNum    NodeKind = iota + 1 // Val
	NVar                        // Var (a function, a variable, or a string literal's array)
	NMember                     // L.Mem
	NAddr                       // &L
	NDeref                      // *L
	NNeg                        // -L
	NBitNot                     // ~L
	NNot                        // !L
	NAdd                        // L + R (pointer + byte offset: the parser scaled R)
	NSub
	NMul
	NDiv
	NMod
	NBitAnd
	NBitOr
	NBitXor
	NShl
	NShr
	NEq
	NNe
	NLt
	NLe
	NGt
	NGe
	NLogAnd
	NLogOr
	NCond   // Cond ? Then : Else
	NComma  // L, R
	NAssign // L = R
	NCast   // (Ty) L
	NCall   // L(Args...)
	NZero   // fill the object L with zeros (the first step of a local initialiser)
)

// Statement kinds.
const (
	NBlock    NodeKind = iota + 64 // Body
	NExprStmt                      // L
	NIf                            // if (Cond) Then else Else
	NFor                           // for (Init; Cond; Inc) Then; while loops too
	NDo                            // do Then while (Cond)
	NSwitch                        // switch (Cond) Then, with Cases and Default
	NCase                          // case Val: (or default:)
	NGoto                          // goto Label
	NLabel                         // Label:
	NReturn                        // return L
	NBreak                         // break out of Target
	NContinue                      // continue Target
)

// A Node is one expression or statement of the typed C syntax tree, in
// chibicc's style: one type, told apart by Kind. Expressions have Ty.
type Node struct {
	Kind NodeKind
	Tok  *Token // where it was written, for diagnostics and line directives
	Ty   *Type

	L, R                        *Node
	Cond, Then, Else, Init, Inc *Node
	Body                        []*Node
	Args                        []*Node

	Var *Obj
	Mem *Member
	Val int64

	Label   string  // NGoto, NLabel: the source name
	Cases   []*Node // NSwitch
	Default *Node   // NSwitch
	Target  *Node   // NBreak, NContinue: the loop or switch
	Literal bool    // NComma: initialises a compound literal, which is an lvalue
}

// An Obj is a function, a global or static variable, a local or parameter,
// or a string literal's anonymous array.
type Obj struct {
	Name     string // the C name; for static locals and strings, a unique one
	Tok      *Token
	Ty       *Type
	Local    bool
	Static   bool // internal linkage
	Extern   bool // declared, not defined here
	Defined  bool // a function body or a variable definition was seen
	ReadOnly bool // declared const: assignments are refused

	Init   []byte // global initial bytes; nil: zero
	Relocs []Reloc

	IsFunc bool
	Params []*Obj
	Locals []*Obj
	Body   *Node
	End    *Token // the closing brace of a function body
}

// A Reloc puts the address Label+Addend at Offset of a global's Init.
type Reloc struct {
	Offset int
	Label  string
	Addend int64
}

// A Program is a checked translation unit.
type Program struct {
	Objs []*Obj // functions and globals, in order of first declaration
}
