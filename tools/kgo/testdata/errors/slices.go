package p

var s [ /* ERROR "slices: outside the kernel subset" */ ]int
