package p

var m map /* ERROR "maps: outside the kernel subset" */ [int]int
