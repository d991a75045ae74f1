package main

func main() {
	a, b := -1, 1
	println(a < b, a > b, a <= b, a >= b, a == b, a != b)
	var ua, ub uint = 4294967295, 1
	println(ua < ub, ua > ub, ua <= ub, ua >= ub)
	var c, d int8 = -5, 3
	println(c < d, c > d)
	var e, f uint8 = 250, 3
	println(e < f, e > f)
	x := [3]int{1, 2, 3}
	p, q := &x[0], &x[1]
	println(p == q, p != q, p == &x[0])
	var np *int
	println(np == nil, p != nil)
}
