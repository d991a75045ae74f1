package main

func div(a, b int) (int, int) { return a / b, a % b }

func main() {
	for _, p := range [6][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {-2147483648, -1}, {-2147483648, 3}} {
		q, r := div(p[0], p[1])
		println(p[0], p[1], q, r)
	}
	var i8 int8 = -128
	var m1 int8 = -1
	println(i8/m1, i8%m1)
	var u uint = 4294967295
	println(u/2, u%10)
}
