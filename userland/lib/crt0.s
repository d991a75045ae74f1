; crt0.s: where every user program starts. exec leaves the stack as
;   [esp] argc   [esp+4] argv   [esp+8] envp
; which is exactly main's argument list below a return address, so _start
; calls main with it and passes main's result to exit.
.text
.globl _start
_start:
        xor ebp, ebp                    ; the end of the frame chain
        mov eax, [esp+8]
        mov [environ], eax
        call main
        push eax
        call exit
        ud2                             ; exit returned: only a trampled stack (a
                                        ; vfork child's doing) gets here; fault

; __syscall_error: the system-call stubs jump here with a negative result
; (a negated error number) in EAX; the stub's caller gets -1 and errno.
.globl __syscall_error
__syscall_error:
        neg eax
        mov [errno], eax
        mov eax, -1
        ret

.data
.globl errno
errno:  .long 0
.globl environ
environ: .long 0
