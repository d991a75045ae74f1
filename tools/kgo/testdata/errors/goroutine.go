package p

func f() {}

func g() {
	go /* ERROR "goroutines: outside the kernel subset" */ f()
}
