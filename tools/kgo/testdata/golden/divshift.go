package p

// ops shows Go's division checks and shift semantics in code.
func ops(a, b int, s uint) (int, int) {
	return a / b, a >> s
}
