package p

type T struct{ x int }

func g() *T {
	return new /* ERROR "new \(heap allocation\): outside" */ (T)
}

func h() {
	_ = make /* ERROR "make \(heap allocation\): outside" */ ( /* ERROR HERE "slices: outside" */ []int, 3)
}
