package kgo

import (
	_ "embed"
	"fmt"

	"v6vm/asm"
	"v6vm/v6vm/exe"
)

//go:embed kgort/rt.go
var runtimeSource string

// StackTop is where the bare-metal start code puts the stack.
const StackTop = 0x00800000

// startAsm is the bare-metal entry: set up the stack, run main, and power
// off with status 0 when main returns.
const startAsm = `; kgo bare-metal start
	.text
	.globl _start
_start:
	mov esp, 0x00800000
	mov ebp, 0
	call main
	mov eax, 0
	out 0xF4, eax
.halt:
	hlt
	jmp .halt
`

// Runtime compiles the bare-metal runtime (tools/kgo/kgort) and returns it
// with the start code as its assembly file. Assemble it together with a
// compiled `package main` and run it at 0x1000.
func Runtime() (*Output, error) {
	out, err := Compile([]File{{Name: "kgort/rt.go", Text: runtimeSource}})
	if err != nil {
		return nil, err
	}
	out.SFiles = append(out.SFiles, File{Name: "kgort/start.s", Text: startAsm})
	return out, nil
}

// Sources lists the assembly of compiled outputs, generated and hand
// written, in order, for the assembler.
func Sources(outs ...*Output) []asm.Source {
	var srcs []asm.Source
	for _, o := range outs {
		srcs = append(srcs, asm.Source{Name: o.Package + ".kgo.s", Text: []byte(o.Asm)})
		for _, s := range o.SFiles {
			srcs = append(srcs, asm.Source{Name: s.Name, Text: []byte(s.Text)})
		}
	}
	return srcs
}

// BareMetal compiles the package main in dir with the runtime and links
// them into an executable that loads and starts at 0x1000.
func BareMetal(dir string) (*exe.File, error) {
	prog, err := CompileDir(dir)
	if err != nil {
		return nil, err
	}
	return Link(prog)
}

// Link assembles a compiled package main with the runtime.
func Link(prog *Output) (*exe.File, error) {
	if prog.Package != "main" {
		return nil, fmt.Errorf("kgo: package %s is not main; only a main package runs bare metal", prog.Package)
	}
	rt, err := Runtime()
	if err != nil {
		return nil, fmt.Errorf("kgo: runtime: %v", err)
	}
	return asm.Assemble(Sources(rt, prog), asm.Options{TextAddr: 0x1000, LoadAddr: 0x1000, Entry: "_start"})
}
