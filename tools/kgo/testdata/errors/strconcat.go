package p

func g(a, b string) string {
	return a + /* ERROR "string concatenation at run time" */ b
}
