package p

func Max[ /* ERROR "generics: outside the kernel subset" */ T int | uint](a, b T) T {
	if a > b {
		return a
	}
	return b
}
