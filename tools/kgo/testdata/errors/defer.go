package p

func f() {}

func g() {
	defer /* ERROR "defer: outside the kernel subset" */ f()
}
