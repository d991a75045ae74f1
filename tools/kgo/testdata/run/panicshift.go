package main

func shl(x, s int) int { return x << s }

func main() {
	println(shl(1, 3), shl(1, 40))
	s := 2
	s -= 3
	x := 16
	x >>= s + 1
	println(x)
	println(shl(1, s))
}
