// Exercises the kernel/hw intrinsics that can be observed bare metal.
package main

import (
	"unsafe"

	"v6vm/kernel/hw"
)

var src = [8]byte{'k', 'e', 'r', 'n', 'e', 'l', '!', '\n'}
var dst [8]byte
var words [4]uint32

func addr(p *byte) uintptr { return uintptr(unsafe.Pointer(p)) }

func main() {
	hw.CopyBytes(addr(&dst[0]), addr(&src[0]), 8)
	for i := range dst {
		hw.OutB(0x3F8, dst[i])
	}
	hw.FillBytes(addr(&dst[2]), '-', 3)
	println(dst[1], dst[2], dst[4], dst[5])
	hw.FillWords(uintptr(unsafe.Pointer(&words[0])), 0xdeadbeef, 3)
	println(words[0] == 0xdeadbeef, words[2] == 0xdeadbeef, words[3])
	words[3] = 7
	hw.CopyWords(uintptr(unsafe.Pointer(&words[0])), uintptr(unsafe.Pointer(&words[2])), 2)
	println(words[0] == 0xdeadbeef, words[1])
	hw.Sti()
	on := hw.EFLAGS()&(1<<9) != 0
	hw.Cli()
	off := hw.EFLAGS()&(1<<9) != 0
	println("IF", on, off)
	hw.SetCR3(0x5000)
	println("cr3", hw.CR3(), "paging", hw.CR0()>>31)
	var sav [2]uintptr
	hw.SaveU(&sav)
	println("ebp saved", sav[1] == hw.EBP(), sav[0] < sav[1])
}
