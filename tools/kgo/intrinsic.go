package kgo

import (
	"go/ast"
	"go/types"

	"v6vm/tools/backend"
)

// intrinsicTable maps each function of kernel/hw to the instructions it
// expands to. Arguments arrive in EAX, ECX, EDX (backend.OpAsm); a result is
// left in EAX. kernel/hw documents the V6++ macro each one mirrors. It is a
// function, not a package variable, so the compiler has no shared state.
func intrinsicTable() map[string]string {
	return map[string]string{
		"SaveU":     "mov [eax], esp\nmov [eax+4], ebp",
		"RetU":      "mov esp, [eax]\nmov ebp, [eax+4]",
		"ARetU":     "mov esp, [eax]\nmov ebp, [eax+4]",
		"InB":       "mov edx, eax\nin al, dx",
		"InW":       "mov edx, eax\nin ax, dx",
		"InL":       "mov edx, eax\nin eax, dx",
		"OutB":      "mov edx, eax\nmov eax, ecx\nout dx, al",
		"OutW":      "mov edx, eax\nmov eax, ecx\nout dx, ax",
		"OutL":      "mov edx, eax\nmov eax, ecx\nout dx, eax",
		"Cli":       "cli",
		"Sti":       "sti",
		"Hlt":       "hlt",
		"EFLAGS":    "pushf\npop eax",
		"SetEFLAGS": "push eax\npopf",
		"CR0":       "mov eax, cr0",
		"SetCR0":    "mov cr0, eax",
		"CR2":       "mov eax, cr2",
		"CR3":       "mov eax, cr3",
		"SetCR3":    "mov cr3, eax",
		"FlushTLB":  "mov eax, cr3\nmov cr3, eax",
		"SetIDTR":   "mov idtr, eax",
		"SetESP0":   "mov esp0, eax",
		"Invlpg":    "invlpg [eax]",
		"CopyBytes": "push esi\npush edi\nmov edi, eax\nmov esi, ecx\nmov ecx, edx\nrep movsb\npop edi\npop esi",
		"CopyWords": "push esi\npush edi\nmov edi, eax\nmov esi, ecx\nmov ecx, edx\nrep movsd\npop edi\npop esi",
		"FillBytes": "push edi\nmov edi, eax\nmov eax, ecx\nmov ecx, edx\nrep stosb\npop edi",
		"FillWords": "push edi\nmov edi, eax\nmov eax, ecx\nmov ecx, edx\nrep stosd\npop edi",
		"EBP":       "mov eax, ebp",
	}
}

// intrinsic expands a call of kernel/hw.name inline.
func (c *compiler) intrinsic(e *ast.CallExpr, name *ast.Ident) *backend.Node {
	p := c.pos(e.Lparen)
	tmpl, ok := c.intrinsics[name.Name]
	fn, _ := c.info.Uses[name].(*types.Func)
	if !ok || fn == nil {
		c.errorf(name.Pos(), "kgo: hw.%s has no inline expansion", name.Name)
		return backend.Num(p, backend.Int(backend.Int32), 0)
	}
	sig := fn.Type().(*types.Signature)
	return &backend.Node{Op: backend.OpAsm, Type: c.resultType(sig), Pos: p, Asm: tmpl, Args: c.args(p, sig, e.Args)}
}
