package p

var a, b [100]int

func g() bool {
	return a == /* ERROR "comparison of large or string-holding" */ b
}
