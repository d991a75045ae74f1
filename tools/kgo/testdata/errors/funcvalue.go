package p

func one() int { return 1 }

func g(h /* ERROR "function values: outside" */ func() int) int {
	var f /* ERROR "function values: outside" */ func() int
	f = one
	return f() + h()
}
