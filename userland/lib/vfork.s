; vfork() and clone(): system calls whose child runs on memory the parent
; will use again, so the stubs cannot be the generated ones.

; vfork keeps its return address in ECX across the trap, not on the stack.
; The child runs first, on the parent's stack: when it returns from vfork
; and calls other functions, it overwrites the slot that held this call's
; return address. The parent gets its own registers back (its trap frame is
; its own), so ECX still holds the address when it resumes. glibc's i386
; vfork does the same.
.globl vfork
vfork:
        pop ecx
        mov eax, 60
        int 0x80
        push ecx
        test eax, eax
        js __syscall_error
        ret

; int clone(int (*fn)(void *), void *stack, int flags, void *arg)
; The child starts on stack (the top of the memory given to it) with fn and
; arg placed there, calls fn(arg) and exits with its result.
.globl clone
clone:
        push ebx
        mov ecx, [esp+12]               ; the child's stack
        sub ecx, 8
        mov eax, [esp+8]                ; fn
        mov [ecx], eax
        mov eax, [esp+20]               ; arg
        mov [ecx+4], eax
        mov ebx, [esp+16]               ; flags
        mov eax, 61
        int 0x80
        test eax, eax
        je .child
        pop ebx
        js __syscall_error
        ret
.child:
        pop eax                         ; fn; arg is now at [esp]
        call eax
        push eax
        call _exit
