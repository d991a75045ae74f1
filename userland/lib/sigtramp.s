; __sigtramp: where the kernel sends every caught signal (see signal.c).
; On entry [esp] = the signal number, [esp+4] = the interrupted EIP.
; It saves what C code may clobber (EAX ECX EDX, the flags; EBX ESI EDI
; EBP are preserved by the handler itself), calls __sighandlers[sig](sig),
; restores everything and returns to the interrupted instruction.
.text
.globl __sigtramp
__sigtramp:
        pushf
        push eax
        push ecx
        push edx                        ; [esp+12] flags, [esp+16] sig, [esp+20] eip
        mov eax, [esp+16]
        push eax
        mov eax, [__sighandlers+eax*4]
        call eax
        add esp, 4
        mov eax, [esp+12]               ; move the flags over the signal number,
        mov [esp+16], eax               ; so dropping the number comes last
        pop edx
        pop ecx
        pop eax
        add esp, 4                      ; drop the old flags slot (changes flags)
        popf                            ; the interrupted flags, from the number's slot
        ret
