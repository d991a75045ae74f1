package main

func main() {
	a, b := 0x0f0f, 0x00ff
	println(a&b, a|b, a^b, a&^b, ^a)
	var u uint32 = 0xdeadbeef
	println(u&0xffff, u|1, u^u, ^u, u&^0xf0)
	var c uint8 = 0xa5
	println(^c, c&^0x0f, c|0x5a)
	n := 0
	for v := uint(0xf0f0f0f0); v != 0; v &= v - 1 {
		n++
	}
	println(n)
}
