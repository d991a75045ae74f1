package p

func g() int {
	f := func /* ERROR "function literals \(closures\): outside" */ () int { return 1 }
	return f()
}
