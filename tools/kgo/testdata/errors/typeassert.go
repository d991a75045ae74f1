package p

type I interface /* ERROR "interfaces: outside" */ {
	M()
}

type T int

func (T) M() {}

func g(x /* ERROR "interfaces: outside" */ I) {
	_ = x.( /* ERROR "type assertions: outside" */ T)
}
