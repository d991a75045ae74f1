package main

type Vec struct{ X, Y int }
type Seg struct {
	A, B Vec
	Tag  [2]int8
}

func length2(s Seg) int {
	dx, dy := s.B.X-s.A.X, s.B.Y-s.A.Y
	return dx*dx + dy*dy
}

func main() {
	s := Seg{A: Vec{1, 1}, B: Vec{4, 5}, Tag: [2]int8{-1, 1}}
	println(length2(s), s.Tag[0])
	segs := [3]Seg{{}, {B: Vec{X: 3}}, {Vec{1, 2}, Vec{3, 4}, [2]int8{5, 6}}}
	for _, sg := range segs {
		print(length2(sg), " ")
	}
	println()
	arr := [5]int{1: 10, 3: 30}
	println(arr[0], arr[1], arr[3], arr[4])
	auto := [...]uint8{1, 2, 3, 250}
	println(len(auto), auto[3])
	for i := 0; i < 3; i++ {
		v := Vec{Y: i}
		v.X += i * 2
		println(v.X, v.Y)
	}
	println(length2(Seg{B: Vec{2, 2}}))
}
