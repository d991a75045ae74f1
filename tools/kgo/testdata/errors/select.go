package p

func g() {
	select /* ERROR "select: outside the kernel subset" */ {
	}
}
