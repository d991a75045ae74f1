package main

import "unsafe"

type Empty struct{}

type T struct {
	_    int8
	A    int
	E    Empty
	Z    [0]int
	Name string
}

func (T) Blank() int      { return 7 }
func (_ *T) Ptr() int     { return 8 }
func ignore(_, b int) int { return b }

type Base struct{ ID int }
type Wrap struct {
	Base
	N int
}

func main() {
	var t T
	var e Empty
	println(unsafe.Sizeof(t), unsafe.Sizeof(e), t.Blank(), t.Ptr(), ignore(1, 2))
	w := Wrap{Base: Base{ID: 3}, N: 4}
	println(w.ID, w.N)
	arr := [4]int32{1, 2, 3, 4}
	p := unsafe.Pointer(&arr[0])
	q := (*int32)(unsafe.Add(p, 12))
	println(*q)
	var z [0]int
	println(len(z), len(t.Name))
	x := T{A: 5, Name: "n"}
	y := x
	println(y.A, y.Name, x.E == y.E)
	var u8 uint8 = 3
	for i := range u8 {
		print(i)
	}
	println()
L:
	if u8 > 0 {
		for {
			break
		}
		u8--
		goto L
	}
	println(u8)
}
