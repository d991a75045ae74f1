package backend

import (
	"strings"
	"testing"
)

// TestGenerateShape checks the fixed code shape promised in the package doc:
// cdecl frame, parameters above EBP, the single leave/ret epilogue, line
// directives, and .data/.bss placement with relocations.
func TestGenerateShape(t *testing.T) {
	i32 := Int(Int32)
	pos := Pos{File: "a.go", Line: 3}
	a := &Obj{Name: "a", Type: i32, Local: true}
	b := &Obj{Name: "b", Type: i32, Local: true}
	x := &Obj{Name: "x", Type: i32, Local: true}
	fn := &Obj{Name: "add", Func: true, Type: FuncOf(i32, []*Type{i32, i32}, false), Params: []*Obj{a, b}, Locals: []*Obj{x}, Pos: Pos{File: "a.go", Line: 2}}
	fn.Body = Block(pos,
		ExprStmt(Assign(pos, Var(pos, x), Binary(pos, OpAdd, i32, Var(pos, a), Var(pos, b)))),
		Return(Pos{File: "a.go", Line: 4}, Var(pos, x)))
	g := &Obj{Name: "g", Type: PtrTo(i32), Init: make([]byte, 4), Relocs: []Reloc{{Offset: 0, Label: "h", Addend: 8}}}
	h := &Obj{Name: "h", Type: ArrayOf(i32, 4)}
	var out strings.Builder
	err := Generate(&out, &Program{Objs: []*Obj{fn, g, h}}, Options{Source: func(string, int) string { return "src" }})
	if err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"add:\n\t; frame: a=[ebp+8] b=[ebp+12] x=[ebp-4]\n\t.file \"a.go\"\n\t; 2: src\n\t.loc 2\n\tpush ebp\n\tmov ebp, esp\n\tsub esp, 4\n",
		"mov eax, [ebp+8]", "add eax, [ebp+12]", "mov [ebp-4], eax", "mov eax, [ebp-4]",
		"\t.loc 4\n", ".Lreturn:\n\tleave\n\tret\n",
		".data\n\t.align 4\n\t.globl g\ng:\n\t.long h+8\n",
		".bss\n\t.align 4\n\t.globl h\nh:\n\t.space 16\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
}

func TestStructLayout(t *testing.T) {
	s := StructOf([]*Field{{Name: "c", Type: Int(Int8)}, {Name: "i", Type: Int(Int32)}, {Name: "h", Type: Int(Int16)}})
	if s.Size != 12 || s.Align != 4 || s.Fields[1].Offset != 4 || s.Fields[2].Offset != 8 {
		t.Errorf("layout: size %d align %d offsets %d %d", s.Size, s.Align, s.Fields[1].Offset, s.Fields[2].Offset)
	}
	u := UnionOf([]*Field{{Name: "c", Type: Int(Int8)}, {Name: "a", Type: ArrayOf(Int(Int16), 3)}})
	if u.Size != 6 || u.Align != 2 {
		t.Errorf("union: size %d align %d", u.Size, u.Align)
	}
}
