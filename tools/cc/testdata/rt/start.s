; Bare-metal start for cc's tests: a stack, main's status to the power-off
; port, and putchar on the console port.
	.text
	.globl _start
_start:
	mov esp, 0x1000000
	call main
	out 0xF4, eax
	hlt

	.globl putchar
putchar:
	mov eax, [esp+4]
	out 0x3F8, al
	ret
