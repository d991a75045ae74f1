package main

func main() {
	x := 1
	for _, s := range [8]uint{0, 1, 31, 32, 33, 40, 255, 1000} {
		println(s, x<<s, -8>>s, 0x7fffffff>>s, uint32(0x80000000)>>s)
	}
	var n int = -1
	var c uint = 35
	println(n>>c, n<<c, uint(n)>>c)
	var b uint8 = 0x81
	println(b<<1, b>>1, b<<7, b<<8)
	var s8 int8 = -64
	println(s8<<1, s8<<2, s8>>3, s8>>10)
	k := 3
	println(1<<k, 256>>k)
}
