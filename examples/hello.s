; hello.s: the smallest complete program for the bare machine.
; It writes a string to the console port and powers off with status 3.
; Run it with:  go run . exec examples/hello.s

_start:
        mov esi, msg
.next:  movzx eax, byte [esi]
        test eax, eax
        je .done
        out 0x3F8, al          ; console data port: one byte out
        add esi, 1
        jmp .next
.done:  mov eax, 3
        out 0xF4, eax          ; power-off port: the exit status

.data
msg:    .asciz "hello, world\n"
