package main

func isqrt(n int) int {
	x := n
	y := (x + 1) / 2
	for y < x {
		x = y
		y = (x + n/x) / 2
	}
	return x
}

func main() {
	for _, v := range [6]int{0, 1, 15, 16, 1000000, 2147483647} {
		if v == 0 {
			println(0)
			continue
		}
		println(v, isqrt(v))
	}
	i := 10
	for i > 0 {
		i -= 3
	}
	println(i)
}
