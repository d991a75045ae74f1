package p

func g() {
	recover /* ERROR "recover: outside the kernel subset" */ ()
}
