package p

func g() int {
	x /* ERROR "floating point: outside" */ := 1.5 /* ERROR "floating point: outside" */
	return int(x)
}
