package main

type A [3]int

func mk() A {
	println("mk")
	return A{1, 2, 3}
}

func f(_ int, x int) int { return x }

func g() {
	type pair struct{ a, b int8 }
	var p pair
	p.b = 3
	println(p.b)
}

func h() {
	type pair struct{ a, b int }
	var p pair
	p.b = 300
	println(p.b)
}

func main() {
	println(len(mk()), f(1, 2))
	g()
	h()
	for i := range mk() {
		print(i)
	}
	println()
}
