package main

import "unsafe"

type Mixed struct {
	A int8
	B int32
	C int16
	D uint8
	E [3]uint8
	F uint16
}

type Outer struct {
	M   Mixed
	Pad uint8
	Arr [2]Mixed
}

func main() {
	var m Mixed
	println(unsafe.Sizeof(m), unsafe.Offsetof(m.B), unsafe.Offsetof(m.C), unsafe.Offsetof(m.D), unsafe.Offsetof(m.E), unsafe.Offsetof(m.F))
	var o Outer
	println(unsafe.Sizeof(o), unsafe.Offsetof(o.Pad), unsafe.Offsetof(o.Arr))
	m.A, m.B, m.C, m.D, m.F = -1, -2, -3, 4, 65000
	m.E[2] = 200
	o.Arr[1] = m
	o.Pad = 9
	println(o.Arr[1].A, o.Arr[1].B, o.Arr[1].C, o.Arr[1].D, o.Arr[1].E[2], o.Arr[1].F, o.Pad, o.Arr[0].F)
}
