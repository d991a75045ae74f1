package p

func g() int {
	f /* ERROR "function values: outside" */ := func /* ERROR "function literals \(closures\): outside" */ () int { return 1 }
	return f()
}
