// Package kgort is the bare-metal runtime of programs compiled by kgo for
// `v6vm kgo --run` and the differential tests: the routines that compiled
// code calls for print/println, panics and bounds/division checks, written
// in the kernel subset itself. It prints to the console port and ends the
// run through the power-off port. (The kernel provides its own versions of
// these routines.) The host build sees ordinary Go: hw's stubs do nothing.
package kgort

import "v6vm/kernel/hw"

const (
	consolePort = 0x3F8 // one byte written is one byte of console output
	powerPort   = 0xF4  // writing a status powers the machine off
	panicStatus = 2     // Go's exit status after a panic
)

func kgo_putc(c byte) { hw.OutB(consolePort, c) }

func kgo_printstring(s string) {
	for i := 0; i < len(s); i++ {
		kgo_putc(s[i])
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
		kgo_putc(buf[i])
	}
}

func kgo_printint(v int) {
	if v < 0 {
		kgo_putc('-')
		kgo_printuint(uint(-v)) // -MinInt32 wraps to itself, which is right as uint
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

// kgo_printpointer prints as Go does: 0x and lower-case hex digits.
func kgo_printpointer(p uintptr) {
	const digits = "0123456789abcdef"
	var buf [8]byte
	i := len(buf)
	for {
		i--
		buf[i] = digits[p&15]
		p >>= 4
		if p == 0 {
			break
		}
	}
	kgo_printstring("0x")
	for ; i < len(buf); i++ {
		kgo_putc(buf[i])
	}
}

func kgo_printsp() { kgo_putc(' ') }
func kgo_printnl() { kgo_putc('\n') }

func kgo_exit(status int) {
	hw.OutL(powerPort, uint32(status))
	for {
		hw.Hlt()
	}
}

// kgo_panicindex reports a failed bounds check with Go's message.
func kgo_panicindex(i, n int) {
	kgo_printstring("panic: runtime error: index out of range [")
	kgo_printint(i)
	if i >= 0 {
		kgo_printstring("] with length ")
		kgo_printint(n)
	} else {
		kgo_printstring("]")
	}
	kgo_printstring("\n")
	kgo_exit(panicStatus)
}

func kgo_panicdivide() {
	kgo_printstring("panic: runtime error: integer divide by zero\n")
	kgo_exit(panicStatus)
}

func kgo_panicshift(s, _ int) {
	kgo_printstring("panic: runtime error: negative shift amount\n")
	kgo_exit(panicStatus)
}

func kgo_panicstring(s string) {
	kgo_printstring("panic: ")
	kgo_printstring(s)
	kgo_printstring("\n")
	kgo_exit(panicStatus)
}

func kgo_panicint(v int) {
	kgo_printstring("panic: ")
	kgo_printint(v)
	kgo_printstring("\n")
	kgo_exit(panicStatus)
}
