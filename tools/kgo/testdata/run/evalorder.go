package main

var trace [16]int
var n int

func f(v int) int {
	trace[n] = v
	n++
	return v
}

func three(a, b, c int) int { return a*100 + b*10 + c }

type S struct{ a, b int }

func main() {
	println(three(f(1), f(2), f(3)))
	x := f(4) - f(5)*f(6)
	println(x)
	arr := [3]int{f(7), f(8), f(9)}
	s := S{b: f(10), a: f(11)}
	println(arr[2], s.a, s.b)
	for i := 0; i < n; i++ {
		print(trace[i], " ")
	}
	println()
}
