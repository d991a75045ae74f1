package backend

import (
	"fmt"
	"strings"
)

// Kind classifies a Type.
type Kind uint8

// Type kinds. The integer kinds are ordered by size so that Int8..Uint32 can
// be compared; Bool is a one-byte unsigned integer holding 0 or 1.
const (
	Void Kind = iota
	Bool
	Int8
	Uint8
	Int16
	Uint16
	Int32
	Uint32
	Ptr    // Elem is the pointee (Void for void*)
	Array  // Elem, Len
	Struct // Fields with offsets
	Union  // Fields, all at offset 0
	Func   // Result, Params, Variadic
)

func (k Kind) String() string {
	const names = "void bool int8 uint8 int16 uint16 int32 uint32 ptr array struct union func"
	if f := strings.Fields(names); int(k) < len(f) {
		return f[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// A Type is a C-like type with its layout: Size and Align in bytes.
type Type struct {
	Kind        Kind
	Size, Align int
	Elem        *Type    // Ptr, Array
	Len         int      // Array
	Fields      []*Field // Struct, Union
	Result      *Type    // Func (Void for none)
	Params      []*Type  // Func
	Variadic    bool     // Func: extra arguments may follow Params
	Name        string   // optional, for comments and messages
}

// A Field is a struct or union member at a byte offset.
type Field struct {
	Name   string
	Type   *Type
	Offset int
}

// Int returns the integer (or Bool, or Void) type of kind k.
func Int(k Kind) *Type {
	switch k {
	case Void:
		return &Type{Kind: Void, Size: 1, Align: 1}
	case Bool, Int8, Uint8:
		return &Type{Kind: k, Size: 1, Align: 1}
	case Int16, Uint16:
		return &Type{Kind: k, Size: 2, Align: 2}
	case Int32, Uint32:
		return &Type{Kind: k, Size: 4, Align: 4}
	}
	panic("backend.Int: not a scalar kind: " + k.String())
}

// PtrTo returns the type pointer-to-elem.
func PtrTo(elem *Type) *Type { return &Type{Kind: Ptr, Size: 4, Align: 4, Elem: elem} }

// ArrayOf returns the type [n]elem.
func ArrayOf(elem *Type, n int) *Type {
	return &Type{Kind: Array, Size: elem.Size * n, Align: elem.Align, Elem: elem, Len: n}
}

// StructOf lays out fields in order with C rules and returns the struct type.
// The fields' Offset members are set.
func StructOf(fields []*Field) *Type {
	t := &Type{Kind: Struct, Align: 1, Fields: fields}
	off := 0
	for _, f := range fields {
		off = alignTo(off, f.Type.Align)
		f.Offset = off
		off += f.Type.Size
		t.Align = max(t.Align, f.Type.Align)
	}
	t.Size = alignTo(off, t.Align)
	return t
}

// UnionOf returns a union of fields, all at offset 0.
func UnionOf(fields []*Field) *Type {
	t := &Type{Kind: Union, Align: 1, Fields: fields}
	for _, f := range fields {
		f.Offset = 0
		t.Size = max(t.Size, f.Type.Size)
		t.Align = max(t.Align, f.Type.Align)
	}
	t.Size = alignTo(t.Size, t.Align)
	return t
}

// FuncOf returns a function type. Its Size is 1 so that pointer arithmetic on
// function pointers (a GNU C habit) does not divide by zero.
func FuncOf(result *Type, params []*Type, variadic bool) *Type {
	if result == nil {
		result = Int(Void)
	}
	return &Type{Kind: Func, Size: 1, Align: 1, Result: result, Params: params, Variadic: variadic}
}

// IsInteger reports whether t is Bool or one of the integer kinds.
func (t *Type) IsInteger() bool { return t.Kind >= Bool && t.Kind <= Uint32 }

// IsSigned reports whether t is a signed integer type.
func (t *Type) IsSigned() bool { return t.Kind == Int8 || t.Kind == Int16 || t.Kind == Int32 }

// IsScalar reports whether a value of t fits in a register (integer or pointer).
func (t *Type) IsScalar() bool { return t.IsInteger() || t.Kind == Ptr }

// IsAggregate reports whether t is an array, struct or union: a value that is
// handled through its address.
func (t *Type) IsAggregate() bool { return t.Kind == Array || t.Kind == Struct || t.Kind == Union }

// FieldByName returns the field called name, or nil.
func (t *Type) FieldByName(name string) *Field {
	for _, f := range t.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

func (t *Type) String() string {
	switch t.Kind {
	case Ptr:
		return "*" + t.Elem.String()
	case Array:
		return fmt.Sprintf("[%d]%s", t.Len, t.Elem)
	case Struct, Union, Func:
		if t.Name != "" {
			return t.Name
		}
	}
	return t.Kind.String()
}

func alignTo(n, a int) int { return (n + a - 1) / a * a }
