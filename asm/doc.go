// Package asm is the v6vm assembler, linker and disassembler.
//
// Assemble turns a set of .s files into one linked executable (exe.File):
// there are no object files, because the kernel and each user program are
// always built whole. Instructions are matched against isa.Table, the one
// description of the instruction set, by mnemonic and operand kinds; the same
// table prints them back in Disassemble, and what Disassemble prints
// assembles to the same bytes.
//
// # Syntax
//
// Intel operand order (destination first), NASM/gas-intel flavour. One
// statement per line; `;` or `#` starts a comment. Mnemonics, register names
// and size keywords are case-insensitive; symbols are case-sensitive.
//
//	Swtch:                  ; a label; non-dot labels are functions in .text
//	.loop:                  ; local to Swtch: its full name is Swtch.loop
//		mov eax, [ebp+8]
//		mov byte [ebx+esi*4-8], 0x41
//		mov [ebx], al       ; unsized memory takes its width from the register
//		jne .loop
//		rep movsb
//		in al, dx
//
// Operands: registers (eax..edi, ax..di, al cl dl bl spl bpl sil dil),
// control registers (cr0 cr2 cr3 idtr esp0), immediates (expressions), and
// memory [base+index*scale+disp] with any part omitted, optionally preceded
// by byte, word or dword (and ptr). Without a size, memory is 32-bit unless a
// register operand is narrower. jmp/call/jcc take a target expression, a
// register or memory. The condition aliases of isa.CondAliases (jz, setc,
// ...) are accepted.
//
// Directives: .text .data .rodata(.data) .bss; .globl/.global NAME,...;
// .byte .word .long EXPR,...; .ascii .asciz "STR",...; .align N[,FILL];
// .space N[,FILL]; .equ NAME, EXPR (or NAME = EXPR); .type NAME,
// @function|@object; .size NAME, EXPR; .file "PATH" and .loc LINE, which
// compilers emit so that the instructions that follow map to PATH:LINE in
// the line table (without them every instruction maps to its own line of
// the .s file).
//
// Expressions: numbers (decimal, 0x, 0b, 0o), 'c' with C escapes, symbols,
// `.` (the current statement's address), unary - ~ +, and * / % << >> & | ^
// + - with C precedence. A value is a constant or an address (symbol plus
// constant); the difference of two addresses in one section is a constant.
//
// Names are local to their file unless a .globl names them; a name a file
// does not define is another file's global.
//
// # Layout
//
// Text of all files in order (each file's piece aligned to 4 and to its
// largest .align), then data from the next 4096-byte boundary, then bss.
// Text padding is nop, so a listing reads through it.
//
// # Passes
//
// Pass 1 parses every line of every file, chooses each instruction's table
// row (an instruction's length follows from its opcode, so the row fixes its
// size) and gives each label an offset in its file's piece of text, data or
// bss. Layout then places the pieces, and pass 2 evaluates every expression
// with final addresses, encodes, and builds the symbol and line tables.
// Errors from both passes are collected and returned together.
package asm
