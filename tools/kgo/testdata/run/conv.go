package main

func main() {
	x := -1
	println(uint8(x), int8(x), uint16(x), int16(x), uint32(x), uint(x))
	y := 300
	println(uint8(y), int8(y), int16(y*200))
	var b byte = 200
	println(int8(b), int(b), int16(b), uint32(int8(b)))
	var s int16 = -2
	println(uint16(s), uint32(s), int(s), uint8(s))
	var u uint32 = 0xfffffffe
	println(int(u), int8(u), uint16(u))
	var r rune = 'A'
	println(r, byte(r+1))
}
