package p

type T struct{}

func (T) M() int { return 1 }

func g() int {
	var t T
	m := t.M /* ERROR "method values" */
	return m()
}
