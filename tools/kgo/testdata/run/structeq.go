package main

type P struct {
	X    int
	Y    int8
	Tags [2]uint16
}

func main() {
	a := P{1, 2, [2]uint16{3, 4}}
	b := a
	println(a == b, a != b)
	b.Tags[1] = 5
	println(a == b, a != b)
	x := [3]int{1, 2, 3}
	y := [3]int{1, 2, 3}
	println(x == y)
	y[2] = 0
	println(x == y, x != y)
	ps := [2]P{a, a}
	println(ps[0] == ps[1], ps[0] == b)
}
