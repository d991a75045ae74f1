package p

func g(c chan /* ERROR "channels: outside" */ int) {
	c <- /* ERROR "channel send: outside" */ 1
	_ = <- /* ERROR "channel receive: outside" */ c
}
