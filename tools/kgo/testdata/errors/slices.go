package p

var s /* ERROR HERE "slices: outside the kernel subset" */ []int
