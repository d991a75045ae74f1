package main

func sort(a *[10]int) {
	for i := 0; i < len(a); i++ {
		for j := 0; j < len(a)-1-i; j++ {
			if a[j] > a[j+1] {
				a[j], a[j+1] = a[j+1], a[j]
			}
		}
	}
}

func main() {
	a := [10]int{5, -3, 9, 0, 2, 2, -100, 77, 1, 8}
	sort(&a)
	for _, v := range a {
		print(v, " ")
	}
	println()
}
