package kgo

import (
	"go/types"

	"v6vm/tools/backend"
)

// irType converts a (subset-checked) Go type to the back end's type. Types
// are cached by identity (two local types may share a name); a type is
// entered in the cache before its parts are converted, so self-referential
// types (a list of *Proc inside Proc) terminate.
func (c *compiler) irType(t types.Type) *backend.Type {
	key := t
	if bt, ok := c.types[key]; ok {
		return bt
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return c.basicType(u)
	case *types.Pointer:
		bt := backend.PtrTo(nil) // size known now; Elem filled below
		c.types[key] = bt
		bt.Elem = c.irType(u.Elem())
		return bt
	case *types.Array:
		bt := backend.ArrayOf(c.irType(u.Elem()), int(u.Len()))
		c.types[key] = bt
		return bt
	case *types.Struct:
		bt := &backend.Type{Kind: backend.Struct}
		c.types[key] = bt
		fields := make([]*backend.Field, u.NumFields())
		for i := range fields {
			f := u.Field(i)
			fields[i] = &backend.Field{Name: f.Name(), Type: c.irType(f.Type())}
		}
		*bt = *backend.StructOf(fields)
		bt.Name = types.TypeString(t, nil)
		return bt
	case *types.Signature:
		// A function value is a code pointer: with no closures there is
		// nothing else to carry (method values are refused).
		bt := backend.PtrTo(c.funcType(u))
		c.types[key] = bt
		return bt
	case *types.Tuple:
		return c.tupleType(u)
	}
	return backend.Int(backend.Int32) // rejected earlier; keep going
}

func (c *compiler) basicType(b *types.Basic) *backend.Type {
	switch b.Kind() {
	case types.Bool, types.UntypedBool:
		return backend.Int(backend.Bool)
	case types.Int8:
		return backend.Int(backend.Int8)
	case types.Uint8:
		return backend.Int(backend.Uint8)
	case types.Int16:
		return backend.Int(backend.Int16)
	case types.Uint16:
		return backend.Int(backend.Uint16)
	case types.Uint, types.Uint32, types.Uintptr:
		return backend.Int(backend.Uint32)
	case types.UnsafePointer, types.UntypedNil:
		return backend.PtrTo(backend.Int(backend.Void))
	case types.String, types.UntypedString:
		return c.stringType()
	}
	return backend.Int(backend.Int32) // int, int32, rune, untyped int/rune
}

// stringType is the layout of a Go string: data pointer, then length.
func (c *compiler) stringType() *backend.Type {
	if c.str != nil {
		return c.str
	}
	t := backend.StructOf([]*backend.Field{
		{Name: "ptr", Type: backend.PtrTo(backend.Int(backend.Uint8))},
		{Name: "len", Type: backend.Int(backend.Int32)},
	})
	t.Name = "string"
	c.str = t
	return t
}

// tupleType is the struct through which a function with several results
// returns them (by the back end's hidden result pointer).
func (c *compiler) tupleType(t *types.Tuple) *backend.Type {
	fields := make([]*backend.Field, t.Len())
	for i := range fields {
		fields[i] = &backend.Field{Name: t.At(i).Name(), Type: c.irType(t.At(i).Type())}
	}
	bt := backend.StructOf(fields)
	bt.Name = types.TypeString(t, nil)
	return bt
}

// resultType is the IR result type of a signature: Void, the single result,
// or the tuple struct.
func (c *compiler) resultType(sig *types.Signature) *backend.Type {
	switch sig.Results().Len() {
	case 0:
		return backend.Int(backend.Void)
	case 1:
		return c.irType(sig.Results().At(0).Type())
	}
	return c.irType(sig.Results())
}

func (c *compiler) funcType(sig *types.Signature) *backend.Type {
	var params []*backend.Type
	if r := sig.Recv(); r != nil {
		params = append(params, c.irType(r.Type()))
	}
	for i := range sig.Params().Len() {
		params = append(params, c.irType(sig.Params().At(i).Type()))
	}
	return backend.FuncOf(c.resultType(sig), params, false)
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isUnsigned(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsUnsigned != 0
}
