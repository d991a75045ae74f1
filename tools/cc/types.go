package cc

import "fmt"

// A TypeKind classifies a C type.
type TypeKind int

const (
	TyVoid TypeKind = iota
	TyBool
	TyChar
	TyShort
	TyInt
	TyLong
	TyEnum
	TyPtr
	TyFunc
	TyArray
	TyStruct
	TyUnion
)

// A Type is a C type. Sizes follow our ILP32 target: char 1, short 2,
// int, long and pointers 4.
type Type struct {
	Kind     TypeKind
	Size     int // sizeof; -1 while incomplete
	Align    int
	Unsigned bool

	Base      *Type // pointer target or array element
	ConstBase bool  // pointer: the target is const
	Len       int   // array length; -1 if unknown

	Members  []*Member // struct and union
	Tag      string
	Complete bool // struct, union: body seen

	Return   *Type // function
	Params   []*Type
	Variadic bool
	OldStyle bool // declared f(): takes any arguments

	paramNames []*Token // function declarators: the parameters' names
}

// A Member is one field of a struct or union.
type Member struct {
	Name     string
	Ty       *Type
	Offset   int
	Tok      *Token
	BitWidth int // 0: not a bit-field; -1: an unnamed ":0"
	BitOff   int // bit-field: its lowest bit in the Ty-sized unit at Offset
}

// The basic types are shared and never modified (pointer and array types
// are made fresh by pointerTo and arrayOf); identity matters for tyErr.
var (
	tyVoid   = &Type{Kind: TyVoid, Size: 1, Align: 1}
	tyBool   = &Type{Kind: TyBool, Size: 1, Align: 1, Unsigned: true}
	tyChar   = &Type{Kind: TyChar, Size: 1, Align: 1}
	tyUChar  = &Type{Kind: TyChar, Size: 1, Align: 1, Unsigned: true}
	tyShort  = &Type{Kind: TyShort, Size: 2, Align: 2}
	tyUShort = &Type{Kind: TyShort, Size: 2, Align: 2, Unsigned: true}
	tyInt    = &Type{Kind: TyInt, Size: 4, Align: 4}
	tyUInt   = &Type{Kind: TyInt, Size: 4, Align: 4, Unsigned: true}
	tyLong   = &Type{Kind: TyLong, Size: 4, Align: 4}
	tyULong  = &Type{Kind: TyLong, Size: 4, Align: 4, Unsigned: true}
	// tyErr types an expression that already had an error: an int that
	// no check complains about again, so one mistake gives one message.
	tyErr = &Type{Kind: TyInt, Size: 4, Align: 4}
)

func pointerTo(base *Type) *Type {
	return &Type{Kind: TyPtr, Size: 4, Align: 4, Unsigned: true, Base: base}
}

func arrayOf(base *Type, n int) *Type {
	size := -1
	if n >= 0 && base.Size >= 0 {
		size = base.Size * n
	}
	return &Type{Kind: TyArray, Size: size, Align: base.Align, Base: base, Len: n}
}

func funcType(ret *Type) *Type {
	return &Type{Kind: TyFunc, Size: 1, Align: 1, Return: ret}
}

func enumType() *Type { return &Type{Kind: TyEnum, Size: 4, Align: 4} }

func (t *Type) isInteger() bool {
	switch t.Kind {
	case TyBool, TyChar, TyShort, TyInt, TyLong, TyEnum:
		return true
	}
	return false
}

func (t *Type) isPointer() bool { return t.Kind == TyPtr }

// isScalar: may be tested for truth and compared.
func (t *Type) isScalar() bool { return t.isInteger() || t.Kind == TyPtr }

func (t *Type) isAggregate() bool {
	return t.Kind == TyStruct || t.Kind == TyUnion || t.Kind == TyArray
}

// decay is the type an expression of type t has as an rvalue.
func (t *Type) decay() *Type {
	switch t.Kind {
	case TyArray:
		return pointerTo(t.Base)
	case TyFunc:
		return pointerTo(t)
	}
	return t
}

// compatible is C's type compatibility, loosely: enough to diagnose
// conflicting declarations and bad pointer assignments.
func compatible(a, b *Type) bool {
	if a == b {
		return true
	}
	if a.Kind == TyEnum && b.Kind == TyInt && !b.Unsigned || b.Kind == TyEnum && a.Kind == TyInt && !a.Unsigned {
		return true
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case TyChar, TyShort, TyInt, TyLong:
		return a.Unsigned == b.Unsigned
	case TyPtr:
		return compatible(a.Base, b.Base)
	case TyFunc:
		if !compatible(a.Return, b.Return) {
			return false
		}
		if a.OldStyle || b.OldStyle {
			return true
		}
		if len(a.Params) != len(b.Params) || a.Variadic != b.Variadic {
			return false
		}
		for i := range a.Params {
			if !compatible(a.Params[i], b.Params[i]) {
				return false
			}
		}
		return true
	case TyArray:
		return compatible(a.Base, b.Base) && (a.Len < 0 || b.Len < 0 || a.Len == b.Len)
	case TyStruct, TyUnion, TyEnum:
		return false // distinct declarations are distinct types
	}
	return true
}

// String spells t as C does, for diagnostics: int (*)[3], char *(*)(void).
func (t *Type) String() string { return t.spell("") }

// spell writes t around the declarator text inner, inside out.
func (t *Type) spell(inner string) string {
	switch t.Kind {
	case TyPtr:
		if t.Base.Kind == TyArray || t.Base.Kind == TyFunc {
			return t.Base.spell("(*" + inner + ")")
		}
		return t.Base.spell("*" + inner)
	case TyArray:
		if t.Len < 0 {
			return t.Base.spell(inner + "[]")
		}
		return t.Base.spell(fmt.Sprintf("%s[%d]", inner, t.Len))
	case TyFunc:
		return t.Return.spell(inner + t.paramString())
	}
	name := t.baseName()
	if inner == "" {
		return name
	}
	return name + " " + inner
}

func (t *Type) baseName() string {
	switch t.Kind {
	case TyVoid:
		return "void"
	case TyBool:
		return "_Bool"
	case TyChar, TyShort, TyInt, TyLong:
		s := [...]string{TyChar: "char", TyShort: "short", TyInt: "int", TyLong: "long"}[t.Kind]
		if t.Unsigned {
			return "unsigned " + s
		}
		return s
	case TyEnum:
		return "enum " + t.tagName()
	case TyStruct:
		return "struct " + t.tagName()
	case TyUnion:
		return "union " + t.tagName()
	}
	return "?"
}

func (t *Type) tagName() string {
	if t.Tag == "" {
		return "<anonymous>"
	}
	return t.Tag
}

func (t *Type) paramString() string {
	if len(t.Params) == 0 && !t.Variadic && !t.OldStyle {
		return "(void)"
	}
	s := "("
	for i, p := range t.Params {
		if i > 0 {
			s += ", "
		}
		s += p.String()
	}
	if t.Variadic {
		if len(t.Params) > 0 {
			s += ", "
		}
		s += "..."
	}
	return s + ")"
}

// integerRank orders integer types for the usual arithmetic conversions.
func integerRank(t *Type) int {
	switch t.Kind {
	case TyBool:
		return 0
	case TyChar:
		return 1
	case TyShort:
		return 2
	case TyInt, TyEnum:
		return 3
	}
	return 4
}

// promote applies the integer promotions.
func promote(t *Type) *Type {
	if t.isInteger() && integerRank(t) < 3 || t.Kind == TyEnum {
		return tyInt
	}
	return t
}

// commonType is the type of the usual arithmetic conversions of a and b.
func commonType(a, b *Type) *Type {
	a, b = promote(a), promote(b)
	if integerRank(a) < integerRank(b) {
		a, b = b, a
	}
	// Same size (4 bytes) throughout: unsigned wins, at the higher rank.
	if a.Unsigned || b.Unsigned {
		if a.Kind == TyLong {
			return tyULong
		}
		return tyUInt
	}
	return a
}
