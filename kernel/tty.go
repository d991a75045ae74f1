//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// The terminal: the console's line discipline (V6++ TTy and its
// canonical mode; V6's tty.c). Output goes straight to the device, a byte
// at a time, and never sleeps (V6++ writes to video memory). Input arrives
// by interrupt into a line buffer, echoed; erase and kill edit the line; a
// read sleeps at TTIPRI until a whole line is there. ^C and ^\ send SIGINT
// and SIGQUIT to the processes of the terminal; ^D, or the end of the
// console's input, is end of file.

const (
	CANBSIZ = 256

	CERASE = 8   // ^H erases a character (DEL does too)
	CKILL  = 21  // ^U erases the line
	CINTR  = 3   // ^C: SIGINT
	CQUIT  = 28  // ^\: SIGQUIT
	CEOT   = 4   // ^D: end of file
	CDEL   = 127 //
)

var (
	conBuf   [CANBSIZ]byte
	conHead  int32 // next byte to read
	conTail  int32 // next byte to fill
	conLines int32 // complete lines (or EOFs) buffered
	conEnded bool  // the console's input has ended: every read from now on is EOF
)

// ConsoleWrite writes n bytes from user address buf.
func ConsoleWrite(buf uintptr, n int32) int32 {
	for i := int32(0); i < n; i++ {
		hw.OutB(PORT_CON_DATA, *(*byte)(unsafe.Pointer(buf + uintptr(i))))
	}
	return n
}

// ConsoleRead reads up to n bytes of one line into user address buf; at
// end of file (^D at the start of a line, or the input's end) it returns 0.
// While it waits it raises RTS, telling the console it is ready for input
// (a scripted session's next line arrives now, not earlier).
func ConsoleRead(buf uintptr, n int32) int32 {
	hw.Cli()
	for conLines == 0 && !conEnded {
		setRTS(true)
		GetUser().u_procp.Sleep(uintptr(unsafe.Pointer(&conLines)), TTIPRI)
		hw.Cli()
	}
	got := int32(0)
	for got < n && conHead != conTail {
		c := conBuf[conHead%CANBSIZ]
		conHead++
		if c == CEOT { // ends the read; at the start of a line, end of file
			conLines--
			break
		}
		*(*byte)(unsafe.Pointer(buf + uintptr(got))) = c
		got++
		if c == '\n' {
			conLines--
			break
		}
	}
	hw.Sti()
	return got
}

// ttySignal sends sig to every process of the terminal: in V6 those whose
// p_ttyp is this tty; here every process but 0 and init (one terminal).
// A shell ignores SIGINT and SIGQUIT for itself and its background jobs.
func ttySignal(sig int32) {
	for i := int32(2); i < ProcMgr.high; i++ {
		p := &ProcMgr.process[i]
		if p.p_stat != SNULL && p.p_stat != SZOMB {
			p.PSignal(sig)
		}
	}
}

// ttyEcho is off when the console's input is a file (the boot image's
// BOOT_NOECHO: v6vm run with input piped in), as stty -echo would do.
var ttyEcho = true

func echo(c byte) {
	if ttyEcho {
		hw.OutB(PORT_CON_DATA, c)
	}
}

// setRTS raises or drops RTS, keeping the receive interrupt enabled.
func setRTS(ready bool) {
	if ready {
		hw.OutB(PORT_CON_CTL, 3)
	} else {
		hw.OutB(PORT_CON_CTL, 1)
	}
}

// ConsoleInterrupt takes the received bytes (line 1) through the line
// discipline (TTy::ttyinput).
func ConsoleInterrupt(regs *PtRegs, ctx *PtContext) {
	for {
		st := hw.InB(PORT_CON_STAT)
		if st&1 == 0 {
			if st&2 != 0 && !conEnded {
				// The host's input has ended (a script ran out):
				// readers get end of file from now on.
				conEnded = true
				ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(&conLines)))
			}
			break
		}
		ttyInput(hw.InB(PORT_CON_DATA))
	}
	hw.OutB(PORT_PIC_EOI, 0)
}

func ttyInput(c byte) {
	if c == '\r' {
		c = '\n'
	}
	switch c {
	case CINTR, CQUIT:
		// Echo, drop the line being typed, signal the terminal's processes.
		echo('^')
		if c == CINTR {
			echo('C')
		} else {
			echo('\\')
		}
		echo('\n')
		ttyKillLine(false)
		if c == CINTR {
			ttySignal(SIGINT)
		} else {
			ttySignal(SIGQUIT)
		}
	case CERASE, CDEL:
		if conTail > conHead && !lineEnd(conBuf[(conTail-1)%CANBSIZ]) {
			conTail--
			echo(8)
			echo(' ')
			echo(8)
		}
	case CKILL:
		ttyKillLine(true)
	default:
		if conTail-conHead >= CANBSIZ-1 {
			return // the line buffer is full: the byte is lost, as in V6
		}
		conBuf[conTail%CANBSIZ] = c
		conTail++
		if lineEnd(c) {
			conLines++
			setRTS(false) // a line for the reader: hold the rest
			ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(&conLines)))
		}
		if c != CEOT {
			echo(c)
		}
	}
}

func lineEnd(c byte) bool { return c == '\n' || c == CEOT }

// ttyKillLine erases the line being typed (not the complete lines before
// it), rubbing it out on the screen if show.
func ttyKillLine(show bool) {
	for conTail > conHead && !lineEnd(conBuf[(conTail-1)%CANBSIZ]) {
		conTail--
		if show {
			echo(8)
			echo(' ')
			echo(8)
		}
	}
}
