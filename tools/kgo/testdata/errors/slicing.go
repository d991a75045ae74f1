package p

var a [4]int

func g() {
	_ = a[ /* ERROR "slicing: outside the kernel subset" */ 1:2]
}
