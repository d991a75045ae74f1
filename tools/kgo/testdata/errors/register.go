package p

var eax /* ERROR "collides with an assembler register" */ int
