package p

func g() int {
	return "x" /* ERROR "cannot use" */
}
