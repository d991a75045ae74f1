package p

func g(b byte) string {
	return string /* ERROR "conversion to string at run time" */ (rune(b))
}
