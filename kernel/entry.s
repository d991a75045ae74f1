; entry.s: the kernel's assembly — boot, the trap entry stubs, the switch to
; user mode, and icode. Everything else is Go (kernel/*.go).
;
; The kernel is linked at 0xC0100000 and loaded at physical 0x100000; the
; machine starts _start with paging off, so until paging is on the code uses
; physical addresses and relative jumps only.

.text

; _start builds the kernel page tables (V6++ does it in its boot loader and
; main0): kernel space 0xC0000000 maps physical memory from 0, one table per
; 4 MiB, and an identity map of the same memory lets the next instructions
; run once paging is on. Then it jumps to the kernel's virtual addresses and
; calls Main0 on process 0's core stack, whose ppda is physical 0x3FF000.
.globl _start
_start:
        cli
        mov edx, 0x2000000              ; memory size: 32 MiB unless the boot image says
        mov eax, [0x300000]
        cmp eax, 0x49423656             ; "V6BI"
        jne .havemem
        mov edx, [0x300004]
.havemem:
        mov ecx, edx                    ; ecx = page tables needed
        add ecx, 0x3FFFFF
        shr ecx, 22
        mov ebx, ecx
        mov edi, 0x200000               ; clear the page directory
        mov ecx, 1024
        xor eax, eax
        rep stosd
        mov ecx, ebx
        mov edi, 0x201000               ; table entries: page i -> physical i*4K
        shl ebx, 10
        mov eax, 0x103                  ; present, writable, global: the
                                        ; kernel is the same in every space
.fillpt:
        mov [edi], eax
        add edi, 4
        add eax, 0x1000
        sub ebx, 1
        jne .fillpt
        xor esi, esi                    ; directory entries 768+i and i -> table i
.fillpd:
        mov eax, esi
        shl eax, 12
        add eax, 0x201003
        mov [esi*4+0x200C00], eax
        mov [esi*4+0x200000], eax
        add esi, 1
        cmp esi, ecx
        jne .fillpd
        mov eax, 0x200000
        mov cr3, eax
        mov eax, 0x80000000             ; paging on
        mov cr0, eax
        mov eax, .high
        jmp eax
.high:
        mov esp, 0xC0400000             ; process 0's core stack
        xor ebp, ebp
        call Main0
.halt:
        hlt
        jmp .halt

; The trap entry stubs (V6++ SystemCallEntrance, TimeInterruptEntrance,
; ...). Each builds the same frame on the core stack:
;
;   [user esp]  eflags  eip        pushed by the CPU (user esp: from user mode)
;   ebp                            the interrupted EBP; EBP points here
;   eax ebp edi esi edx ecx ebx    PtRegs, ESP points at ebx
;
; and calls its handler with (&PtRegs, &PtContext), then CheckRunRun, which
; may Swtch away before the return to user mode (V6++'s RunRun loop), and
; returns with interrupts off. Then the registers come back and iret.

.globl SystemCallEntrance
SystemCallEntrance:
        push ebp
        mov ebp, esp
        push eax
        push ebp
        push edi
        push esi
        push edx
        push ecx
        push ebx
        mov eax, esp
        lea ecx, [ebp+4]
        push ecx
        push eax
        call Trap
        add esp, 8
        lea ecx, [ebp+4]
        push ecx
        call CheckRunRun
        add esp, 4
        pop ebx
        pop ecx
        pop edx
        pop esi
        pop edi
        add esp, 4
        pop eax
        leave
        iret

.globl TimeInterruptEntrance
TimeInterruptEntrance:
        push ebp
        mov ebp, esp
        push eax
        push ebp
        push edi
        push esi
        push edx
        push ecx
        push ebx
        mov eax, esp
        lea ecx, [ebp+4]
        push ecx
        push eax
        call Clock
        add esp, 8
        lea ecx, [ebp+4]
        push ecx
        call CheckRunRun
        add esp, 4
        pop ebx
        pop ecx
        pop edx
        pop esi
        pop edi
        add esp, 4
        pop eax
        leave
        iret

.globl ConsoleInterruptEntrance
ConsoleInterruptEntrance:
        push ebp
        mov ebp, esp
        push eax
        push ebp
        push edi
        push esi
        push edx
        push ecx
        push ebx
        mov eax, esp
        lea ecx, [ebp+4]
        push ecx
        push eax
        call ConsoleInterrupt
        add esp, 8
        lea ecx, [ebp+4]
        push ecx
        call CheckRunRun
        add esp, 4
        pop ebx
        pop ecx
        pop edx
        pop esi
        pop edi
        add esp, 4
        pop eax
        leave
        iret

.globl DiskInterruptEntrance
DiskInterruptEntrance:
        push ebp
        mov ebp, esp
        push eax
        push ebp
        push edi
        push esi
        push edx
        push ecx
        push ebx
        mov eax, esp
        lea ecx, [ebp+4]
        push ecx
        push eax
        call DiskInterrupt
        add esp, 8
        lea ecx, [ebp+4]
        push ecx
        call CheckRunRun
        add esp, 4
        pop ebx
        pop ecx
        pop edx
        pop esi
        pop edi
        add esp, 4
        pop eax
        leave
        iret

; Exceptions. The CPU pushes an error code for #GP and #PF only; the stubs
; of the others push a 0 in its place, then each pushes its vector, so that
; Exception gets a PteContext {vector, errcode, eip, eflags, esp}.

.globl DivideErrorEntrance
DivideErrorEntrance:
        push 0
        push 0
        jmp ExceptionCommon

.globl InvalidOpcodeEntrance
InvalidOpcodeEntrance:
        push 0
        push 6
        jmp ExceptionCommon

.globl GeneralProtectionEntrance
GeneralProtectionEntrance:
        push 13
        jmp ExceptionCommon

.globl PageFaultEntrance
PageFaultEntrance:
        push 14
        jmp ExceptionCommon

ExceptionCommon:
        push ebp
        mov ebp, esp
        push eax
        push ebp
        push edi
        push esi
        push edx
        push ecx
        push ebx
        mov eax, esp
        lea ecx, [ebp+4]
        push ecx
        push eax
        call Exception
        add esp, 8
        lea ecx, [ebp+12]
        push ecx
        call CheckRunRun
        add esp, 4
        pop ebx
        pop ecx
        pop edx
        pop esi
        pop edi
        add esp, 4
        pop eax
        leave
        add esp, 8                      ; vector and error code
        iret

; vectorEntry(v) returns the stub for vector v (0 if none), for InitIDT.
.globl vectorEntry
vectorEntry:
        mov eax, [esp+4]
        cmp eax, 256
        jae .none
        mov eax, [eax*4+vectorTable]
        ret
.none:
        xor eax, eax
        ret

; MoveToUserStack(eip, esp): enter user mode (V6++ MoveToUserStack) with an
; iret frame of our own making: user esp, EFLAGS with UM and IF, eip.
.globl MoveToUserStack
MoveToUserStack:
        mov eax, [esp+4]
        mov ecx, [esp+8]
        push ecx
        push 0x20200
        push eax
        xor eax, eax
        xor ecx, ecx
        xor edx, edx
        xor ebx, ebx
        xor esi, esi
        xor edi, edi
        xor ebp, ebp
        iret

; icode is process 1's first user program, copied to user address 0x1000
; with argv at 0x1400 (StartInit): exec(argv[0], argv), or exit(127).
.globl icodeStart
icodeStart:
        mov eax, icode
        ret

.globl icodeEnd
icodeEnd:
        mov eax, icodeEndMark
        ret

icode:
        mov eax, 11
        mov ebx, [0x1400]
        mov ecx, 0x1400
        xor edx, edx
        int 0x80
        mov eax, 1
        mov ebx, 127
        int 0x80
.spin:
        jmp .spin
icodeEndMark:

.data
vectorTable:
        .long DivideErrorEntrance       ; 0 #DE
        .space 5*4                      ; 1-5
        .long InvalidOpcodeEntrance     ; 6 #UD
        .space 6*4                      ; 7-12
        .long GeneralProtectionEntrance ; 13 #GP
        .long PageFaultEntrance         ; 14 #PF
        .space 17*4                     ; 15-31
        .long TimeInterruptEntrance     ; 0x20 clock (IRQ 0)
        .long ConsoleInterruptEntrance  ; 0x21 console (IRQ 1)
        .space (0x2E-0x22)*4            ; 0x22-0x2D
        .long DiskInterruptEntrance     ; 0x2E disk (IRQ 14)
        .space (0x80-0x2F)*4
        .long SystemCallEntrance        ; 0x80 system calls
        .space (256-0x81)*4
