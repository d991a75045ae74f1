package main

func popcount(x uint32) int {
	n := 0
	for x != 0 {
		n += int(x & 1)
		x >>= 1
	}
	return n
}

func reverse(x uint32) uint32 {
	var r uint32
	for i := 0; i < 32; i++ {
		r = r<<1 | x&1
		x >>= 1
	}
	return r
}

func main() {
	for _, v := range [5]uint32{0, 1, 0xff, 0x80000001, 0xffffffff} {
		println(v, popcount(v), reverse(v))
	}
}
