package p

var x int

func init /* ERROR "init functions \(package data must be static\): outside" */ () {
	x = 1
}
