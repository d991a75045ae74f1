package main

type Big struct {
	A [20]int
	B int8
	C uint16
}

func fill(b *Big, v int) {
	for i := range b.A {
		b.A[i] = v + i
	}
	b.B = int8(v)
	b.C = uint16(v * 1000)
}

func sum(b Big) int {
	s := int(b.B) + int(b.C)
	for _, v := range b.A {
		s += v
	}
	b.A[0] = 999 // a copy: the caller's is untouched
	return s
}

func main() {
	var x, y Big
	fill(&x, 3)
	y = x
	y.A[0] = 100
	println(x.A[0], y.A[0], sum(x), sum(y), x.A[0])
	p, q := &x, &y
	*p = *q
	println(x.A[0], x.C)
	q.A[1] = -1
	println(x.A[1], y.A[1])
	arr := [3]Big{}
	arr[1] = *p
	arr[2] = arr[1]
	arr[1].A[19] = 7
	println(arr[2].A[19], arr[1].A[19], arr[0].B)
}
