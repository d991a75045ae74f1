package p

var a, b [100]int

func g() bool {
	return a == /* ERROR "comparison of structs/arrays with more than 64 parts" */ b
}
