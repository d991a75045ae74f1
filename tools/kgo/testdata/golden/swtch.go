package p

import "v6vm/kernel/hw"

type User struct {
	u_rsav [2]uintptr
	u_ssav [2]uintptr
}

var u User

// Swtch is the shape of V6++'s ProcessManager::Swtch: SaveU and RetU expand
// inline in this frame, and `return 1` leaves through the frame RetU
// installed.
func Swtch() int {
	hw.SaveU(&u.u_rsav)
	hw.Cli()
	hw.RetU(&u.u_rsav)
	hw.Sti()
	return 1
}
