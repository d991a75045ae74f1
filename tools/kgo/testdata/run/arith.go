package main

func main() {
	a, b := 17, 5
	println(a+b, a-b, a*b, a/b, a%b)
	x := 2147483647
	x++
	println(x)
	y := -2147483647 - 1
	y--
	println(y)
	var u uint = 0
	u--
	println(u)
	m := 65537
	println(m * m)
	var k uint32 = 4000000000
	println(k/3, k%7, k*3)
}
