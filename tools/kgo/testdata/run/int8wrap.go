package main

func main() {
	var a int8 = 127
	a++
	println(a)
	a -= 1
	println(a)
	var b uint8 = 250
	b += 10
	println(b)
	var c int16 = 32767
	c += 2
	println(c)
	var d uint16 = 1
	d -= 2
	println(d)
	var e int8 = -100
	e *= 3
	println(e)
	var f uint8 = 200
	f = f * 2
	println(f, -a, ^b)
	for i := int8(120); i > 0; i += 3 {
		println("i", i)
	}
}
