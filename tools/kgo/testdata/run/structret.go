package main

type Pair struct {
	A, B int
	C    int8
}

func mk(a, b int) Pair { return Pair{A: a, B: b, C: int8(a + b)} }

func swap(p Pair) Pair {
	p.A, p.B = p.B, p.A
	return p
}

func (p Pair) Sum() int { return p.A + p.B + int(p.C) }

func main() {
	p := mk(3, 4)
	println(p.A, p.B, p.C)
	q := swap(swap(swap(p)))
	println(q.A, q.B, q.Sum())
	println(mk(100, 27).C, mk(1, 2).Sum(), swap(mk(5, 6)).A)
	var arr [2]Pair
	arr[1] = mk(9, 9)
	println(arr[1].Sum())
}
