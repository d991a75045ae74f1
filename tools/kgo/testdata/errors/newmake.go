package p

type T struct{ x int }

func g() *T {
	return new /* ERROR "new \(heap allocation\): outside" */ (T)
}
