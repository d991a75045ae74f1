package p

func g(a, b string) bool {
	return a == /* ERROR "string comparison: outside" */ b
}
