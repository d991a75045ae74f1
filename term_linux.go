//go:build linux

package main

import (
	"syscall"
	"unsafe"
)

// The host terminal, for v6vm boot: raw enough that every key goes to the
// machine as typed (the kernel's tty echoes and edits, and ^C is the
// kernel's to handle), with output processing left on so "\n" still
// returns the carriage.

func tcget(fd int, t *syscall.Termios) bool {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TCGETS, uintptr(unsafe.Pointer(t)))
	return e == 0
}

func tcset(fd int, t *syscall.Termios) {
	syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TCSETS, uintptr(unsafe.Pointer(t)))
}

// isTerminal reports whether fd is a terminal.
func isTerminal(fd int) bool {
	var t syscall.Termios
	return tcget(fd, &t)
}

// makeRaw puts terminal fd in raw input mode and returns how to restore it.
func makeRaw(fd int) (restore func(), ok bool) {
	var old syscall.Termios
	if !tcget(fd, &old) {
		return func() {}, false
	}
	t := old
	t.Lflag &^= syscall.ICANON | syscall.ECHO | syscall.ISIG | syscall.IEXTEN
	t.Iflag &^= syscall.IXON | syscall.ICRNL
	t.Cc[syscall.VMIN] = 1
	t.Cc[syscall.VTIME] = 0
	tcset(fd, &t)
	return func() { tcset(fd, &old) }, true
}
