package main

func swap(a, b int) (int, int) { return b, a }

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func three() (int8, bool, uint16) { return -3, true, 65535 }

func pass() (int, int) { return swap(1, 2) }

func add(a, b int) int { return a + b }

func main() {
	x, y := 1, 2
	x, y = y, x
	println(x, y)
	x, y = swap(x, y)
	println(x, y)
	q, r := divmod(17, 5)
	println(q, r)
	a, b, c := three()
	println(a, b, c)
	_, r = divmod(9, 4)
	println(r)
	println(pass())
	println(add(swap(10, 20)))
	arr := [3]int{0, 1, 2}
	i := 0
	i, arr[i] = 2, 9
	println(i, arr[0], arr[2])
}
