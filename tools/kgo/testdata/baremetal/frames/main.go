// The NewProc/Swtch trick of V6++: SaveU in newProc records its frame;
// swtch, called further down, installs that frame with RetU and executes
// `return 1`, which leaves through newProc's frame, so newProc's caller
// sees 1 — the way a forked child sees NewProc return 1.
package main

import "v6vm/kernel/hw"

var sav [2]uintptr
var first = true

func newProc() int {
	var marker = 77
	hw.SaveU(&sav)
	if first {
		first = false
		child()
		println("not reached: child returned")
	}
	println("newProc marker", marker)
	return 0
}

func child() {
	var pad [16]int
	pad[3] = 3
	swtch()
	println("not reached: swtch returned", pad[3])
}

func swtch() int {
	hw.RetU(&sav)
	return 1
}

func main() {
	local := 5
	r := newProc()
	println("newProc returned", r, local)
	r = newProc()
	println("newProc returned", r, local)
	println("ebp nonzero", hw.EBP() != 0)
}
