; Register checks for the signal trampoline (TestSignalTrampoline*).

.text
; selfsig(sig): kill(getpid(), sig) by hand, with known values in every
; register and CF SF set, so the signal is delivered on the way out of the
; system call; afterwards each register must still hold its value (EAX:
; kill's result 0). Returns 0, or the number of the first wrong check.
.globl selfsig
selfsig:
        push ebp
        mov ebp, esp
        push ebx
        push esi
        push edi
        mov eax, 20                     ; getpid
        int 0x80
        mov ebx, eax
        mov ecx, [ebp+8]
        mov edx, 0x5A5A1234
        mov esi, 0x11111111
        mov edi, 0x22222222
        mov eax, 1
        cmp eax, 2                      ; CF=1 SF=1 ZF=0
        mov eax, 37                     ; kill(ebx, ecx)
        int 0x80
        jae .f1
        je .f1
        jns .f1
        cmp eax, 0
        jne .f2
        cmp ecx, [ebp+8]
        jne .f3
        cmp edx, 0x5A5A1234
        jne .f4
        cmp esi, 0x11111111
        jne .f5
        cmp edi, 0x22222222
        jne .f6
        xor eax, eax
        jmp .out
.f1:    mov eax, 1
        jmp .out
.f2:    mov eax, 2
        jmp .out
.f3:    mov eax, 3
        jmp .out
.f4:    mov eax, 4
        jmp .out
.f5:    mov eax, 5
        jmp .out
.f6:    mov eax, 6
.out:
        pop edi
        pop esi
        pop ebx
        leave
        ret

; spin(n): n rounds of loading registers and flags and checking them a
; few instructions later, so an asynchronous signal landing in between
; is noticed if the trampoline loses anything. Returns 0 or 1.
.globl spin
spin:
        push ebp
        mov ebp, esp
        push ebx
        push esi
        push edi
        mov ebx, [ebp+8]
.loop:
        mov eax, 0x01010101
        mov ecx, 0x02020202
        mov edx, 0x03030303
        mov esi, 0x04040404
        mov edi, 1
        cmp edi, 2                      ; CF=1 SF=1 ZF=0
        nop
        nop
        nop
        nop
        jae .bad
        je .bad
        jns .bad
        cmp eax, 0x01010101
        jne .bad
        cmp ecx, 0x02020202
        jne .bad
        cmp edx, 0x03030303
        jne .bad
        cmp esi, 0x04040404
        jne .bad
        dec ebx
        jne .loop
        xor eax, eax
        jmp .done
.bad:
        mov eax, 1
.done:
        pop edi
        pop esi
        pop ebx
        leave
        ret
