package main

type P struct {
	x, y int
	next *P
}

var g = [3]int{1, 2, 3}

func add(a, b int) (int, int) { return a + b, a - b }

func main() {
	var p P
	p.x = 3
	s, d := add(p.x, 4)
	println("hi", s, d, g[1])
	var b int8 = 127
	b++
	println(b)
	for i := range 3 {
		print(i)
	}
	println()
}
