//go:build v6vm

package kernel

import "v6vm/kernel/hw"

// Kernel messages go to the debug console (port 0xE9), apart from the
// console the programs write to. These are the routines kgo's print,
// println and panic call, and the kernel's own panic.

const PORT_DEBUG = 0xE9

func kputc(c byte) { hw.OutB(PORT_DEBUG, c) }

func kgo_printstring(s string) {
	for i := 0; i < len(s); i++ {
		kputc(s[i])
	}
}

func kgo_printuint(v uint) {
	var buf [10]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	for ; i < len(buf); i++ {
		kputc(buf[i])
	}
}

func kgo_printint(v int) {
	if v < 0 {
		kputc('-')
		kgo_printuint(uint(-v))
		return
	}
	kgo_printuint(uint(v))
}

func kgo_printbool(b int) {
	if b != 0 {
		kgo_printstring("true")
	} else {
		kgo_printstring("false")
	}
}

func kgo_printpointer(p uintptr) { printHex(uint32(p)) }
func kgo_printsp()               { kputc(' ') }
func kgo_printnl()               { kputc('\n') }

// printHex prints v as 0x and eight hex digits.
func printHex(v uint32) {
	const digits = "0123456789abcdef"
	kgo_printstring("0x")
	for shift := 28; shift >= 0; shift -= 4 {
		kputc(digits[(v>>uint(shift))&15])
	}
}

func kgo_panicindex(i, n int) {
	print("index out of range [", i, "] with length ", n, "\n")
	Panic("runtime error: index out of range")
}

func kgo_panicdivide()         { Panic("runtime error: integer divide by zero") }
func kgo_panicshift(s, _ int)  { Panic("runtime error: negative shift amount") }
func kgo_panicstring(s string) { Panic(s) }
func kgo_panicint(v int) {
	print(v, "\n")
	Panic("panic with an integer")
}

// Panic stops the system (Utility::Panic): a message on the debug console,
// then power-off with a status that tells the host it was a panic. The
// host reads the stack at that moment and prints a symbolic backtrace.
func Panic(msg string) {
	hw.Cli()
	print("panic: ", msg, "\n")
	hw.OutL(PORT_POWER, POWER_PANIC)
	for {
		hw.Hlt()
	}
}
