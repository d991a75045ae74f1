package main

func classify(n int) {
	switch {
	case n < 0:
		print("neg ")
		fallthrough
	case n == 0:
		print("nonpos ")
	case n > 100:
		print("huge ")
		fallthrough
	case n > 10:
		print("big ")
		fallthrough
	default:
		print("any")
	}
	println()
}

var evals int

func ev(v int) int {
	evals++
	return v
}

func main() {
	for _, n := range [5]int{-3, 0, 5, 50, 500} {
		classify(n)
	}
	switch 3 {
	case ev(1), ev(2), ev(3), ev(4):
		println("found after", evals)
	}
}
