package main

func main() {
	a, b, c := 1, 2, 3
	a, b, c = c, a, b
	println(a, b, c)
	x := [3]int{10, 20, 30}
	i := 0
	i, x[i] = 1, 99
	println(i, x[0], x[1])
	x[0], x[1], x[2] = x[2], x[0], x[1]
	println(x[0], x[1], x[2])
	p, q := &x[0], &x[2]
	*p, *q = *q, *p
	println(x[0], x[2])
	var s1, s2 struct{ v int }
	s1.v, s2.v = 1, 2
	s1, s2 = s2, s1
	println(s1.v, s2.v)
	_, y := 5, 6
	println(y)
}
