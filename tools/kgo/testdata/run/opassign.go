package main

type T struct {
	a [3]int
	b int8
}

var calls int

func idx() int {
	calls++
	return 1
}

func main() {
	x := 100
	x += 5
	x -= 10
	x *= 3
	x /= 7
	x %= 11
	x <<= 4
	x >>= 1
	x |= 3
	x &= 0x3e
	x ^= 0xff
	x &^= 0x0f
	println(x)
	var t T
	t.a[idx()] += 7
	t.a[idx()] *= 3
	t.a[idx()]++
	t.b--
	t.b -= 127
	println(t.a[1], t.b, calls)
	p := &t
	p.a[2] += 2
	p.a[2] <<= 3
	println(t.a[2])
	var u uint8 = 1
	u <<= 9
	println(u)
}
