# A bare-metal kernel, end to end: it maps itself, installs a vector table,
# starts the timer, enters a user task with iret, serves the task's system
# calls (int 0x80: 1 exit, 4 write, 20 ticks) and counts timer interrupts.
# The task checks that a system call preserves its registers, prints, waits
# for five ticks, prints the count and exits with status 3.
#
# want status: 3
# want output: hello from user mode
# want output: registers intact
# want output: ticks: 5

	.equ PD, 0x80000		# page directory
	.equ PT, 0x81000		# page table for the first 4 MiB
	.equ IDT, 0x82000		# vector table
	.equ KSTACK, 0x90000		# kernel stack top (esp0)
	.equ PERIOD, 500		# timer period in instructions

	.text
_start:
	mov esp, KSTACK

	# Identity-map the first 4 MiB, kernel only.
	mov edi, PT
	mov eax, 3			# present | writable
	mov ecx, 1024
.map:	mov [edi], eax
	add eax, 0x1000
	add edi, 4
	sub ecx, 1
	jne .map

	# One user page: the task's code, data and stack.
	mov eax, user_page
	shr eax, 12
	mov ebx, user_page
	or ebx, 7			# present | writable | user
	mov [PT+eax*4], ebx

	mov dword [PD], PT+7		# user pages need U in the directory too
	mov eax, PD
	mov cr3, eax
	mov eax, 0x80000000
	mov cr0, eax

	# Gates: the timer (an interrupt gate) and system calls (a trap gate
	# user mode may use). Every other vector is absent.
	mov dword [IDT+0x20*8], timer
	mov dword [IDT+0x20*8+4], 1
	mov dword [IDT+0x80*8], syscall
	mov dword [IDT+0x80*8+4], 7
	mov eax, IDT
	mov idtr, eax
	mov eax, KSTACK
	mov esp0, eax

	# Unmask only the timer and start it.
	mov eax, 0xfffe
	out 0x21, ax
	mov eax, PERIOD
	out 0x40, eax

	# Enter the task: iret pops EIP, EFLAGS (user mode, interrupts on)
	# and ESP.
	push user_stack_top
	push 0x20202
	push user_main
	iret

# timer counts a tick. It may interrupt the kernel too: system calls run
# with interrupts on.
timer:
	push eax
	inc dword [ticks]
	out 0x20, al			# end of interrupt
	pop eax
	iret

# syscall dispatches on eax; the result goes back in eax.
syscall:
	cmp eax, 1
	je .exit
	cmp eax, 4
	je .write
	cmp eax, 20
	je .ticks
	mov eax, -1
	iret
.exit:	mov eax, ebx
	out 0xf4, eax			# power off with the status
.write:					# write(ebx = buffer, ecx = length)
	push esi
	push ecx
	mov esi, ebx
.loop:	test ecx, ecx
	je .done
	movzx eax, byte [esi]
	out 0x3f8, al
	add esi, 1
	sub ecx, 1
	jmp .loop
.done:	pop ecx
	pop esi
	mov eax, ecx
	iret
.ticks:	mov eax, [ticks]
	iret

	.align 4096
user_page:
user_main:
	mov ebx, hello
	mov ecx, hello_len
	mov edx, 0x12345678
	mov esi, 0x9abcdef0
	mov edi, 0x0badf00d
	mov ebp, 0x600dcafe
	mov eax, 4
	int 0x80
	cmp eax, hello_len
	jne fail
	cmp ebx, hello
	jne fail
	cmp ecx, hello_len
	jne fail
	cmp edx, 0x12345678
	jne fail
	cmp esi, 0x9abcdef0
	jne fail
	cmp edi, 0x0badf00d
	jne fail
	cmp ebp, 0x600dcafe
	jne fail
	cmp esp, user_stack_top
	jne fail
	mov ebx, intact
	mov ecx, intact_len
	mov eax, 4
	int 0x80

.wait:	mov eax, 20
	int 0x80
	cmp eax, 5
	jb .wait
	add eax, '0'
	mov [tickmsg+7], al
	mov ebx, tickmsg
	mov ecx, tickmsg_len
	mov eax, 4
	int 0x80

	mov eax, 1
	mov ebx, 3
	int 0x80

fail:	mov ebx, failmsg
	mov ecx, failmsg_len
	mov eax, 4
	int 0x80
	mov eax, 1
	mov ebx, 1
	int 0x80

hello:	.ascii "hello from user mode\n"
	.equ hello_len, . - hello
intact:	.ascii "registers intact\n"
	.equ intact_len, . - intact
tickmsg: .ascii "ticks: ?\n"
	.equ tickmsg_len, . - tickmsg
failmsg: .ascii "a system call changed a register\n"
	.equ failmsg_len, . - failmsg
	.equ user_stack_top, user_page + 4096

	.data
ticks:	.long 0
