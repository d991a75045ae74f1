package main

import "unsafe"

type Hdr struct {
	A uint8
	B uint32
	C uint16
}

func main() {
	arr := [4]int32{10, 20, 30, 40}
	p := unsafe.Pointer(&arr[0])
	q := (*int32)(unsafe.Pointer(uintptr(p) + 8))
	println(*q)
	*q = 33
	println(arr[2])
	var h Hdr
	base := uintptr(unsafe.Pointer(&h))
	pc := (*uint16)(unsafe.Pointer(base + unsafe.Offsetof(h.C)))
	*pc = 0xbeef
	println(h.C, unsafe.Sizeof(h), unsafe.Offsetof(h.B), unsafe.Alignof(h.C))
	bp := (*[4]byte)(unsafe.Pointer(&arr[1]))
	println(bp[0], bp[1])
	println(uintptr(unsafe.Pointer(&arr[3])) - uintptr(unsafe.Pointer(&arr[0])))
}
