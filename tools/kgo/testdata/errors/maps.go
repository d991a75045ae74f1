package p

var m /* ERROR HERE "maps: outside the kernel subset" */ map[int]int
