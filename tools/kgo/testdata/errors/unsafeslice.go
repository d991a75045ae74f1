package p

import "unsafe"

var b [4]byte

func g() {
	_ = unsafe.String /* ERROR "unsafe.String: outside" */ (&b[0], 4)
}
