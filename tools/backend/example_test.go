package backend_test

import (
	"os"

	"v6vm/tools/backend"
)

// A front end builds Objs and Nodes and calls Generate. This is
// `int answer(int x) { return x * 2; }` as the C front end would lower it.
func ExampleGenerate() {
	pos := backend.Pos{File: "answer.c", Line: 1}
	i32 := backend.Int(backend.Int32)
	x := &backend.Obj{Name: "x", Type: i32, Local: true}
	fn := &backend.Obj{
		Name: "answer", Func: true, Pos: pos,
		Type:   backend.FuncOf(i32, []*backend.Type{i32}, false),
		Params: []*backend.Obj{x},
	}
	fn.Body = backend.Block(pos, backend.Return(pos,
		backend.Binary(pos, backend.OpMul, i32, backend.Var(pos, x), backend.Num(pos, i32, 2))))
	if err := backend.Generate(os.Stdout, &backend.Program{Objs: []*backend.Obj{fn}}, backend.Options{}); err != nil {
		panic(err)
	}
	// Output:
	// 	.text
	// 	.globl answer
	// answer:
	// 	; frame: x=[ebp+8]
	// 	.file "answer.c"
	// 	.loc 1
	// 	push ebp
	// 	mov ebp, esp
	// 	mov eax, [ebp+8]
	// 	shl eax, 1
	// .Lreturn:
	// 	leave
	// 	ret
}
