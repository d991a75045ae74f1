package p

var a [2]int

func g() {
	_ = append /* ERROR "append \(heap allocation\): outside" */ (a /* ERROR HERE "slicing" */ [:], 1)
}
