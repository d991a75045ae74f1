; addAsm(a, b int) int: cdecl, calls triple(a) in Go and adds b - 2*a.
	.text
	.globl addAsm
addAsm:
	push ebp
	mov ebp, esp
	push dword [ebp+8]
	call triple
	add esp, 4
	add eax, [ebp+12]
	sub eax, [ebp+8]
	sub eax, [ebp+8]
	leave
	ret
