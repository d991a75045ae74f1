package p

var big /* ERROR "64-bit integers: outside the kernel subset" */ int64
