package main

type M [3][3]int

func mul(a, b M) M {
	var c M
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				c[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return c
}

func main() {
	a := M{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	id := M{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
	r := mul(a, id)
	println(r == a)
	r = mul(a, a)
	for _, row := range r {
		println(row[0], row[1], row[2])
	}
	println(mul(mul(a, a), a)[2][2])
}
