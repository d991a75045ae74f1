package p

func g(x /* ERROR "interfaces: outside" */ any) int {
	switch /* ERROR "type switches: outside" */ x.(type) {
	case int:
		return 1
	}
	return 0
}
