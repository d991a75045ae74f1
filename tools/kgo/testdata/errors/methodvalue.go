package p

type T struct{}

func (T) M() int { return 1 }

func g() {
	var t T
	m /* ERROR "function values: outside" */ := t.M
	_ = m
}
