package main

func name(d int) string {
	switch d {
	case 0:
		return "zero"
	case 1, 2, 3:
		return "small"
	default:
		return "big"
	case 10:
		return "ten"
	}
}

func main() {
	for _, d := range [6]int{0, 2, 3, 7, 10, -1} {
		println(d, name(d))
	}
	x := 5
	switch y := x * 2; y {
	case 10:
		println("ten")
	case 5:
		println("five")
	}
	switch {
	}
	var b uint8 = 200
	switch b {
	case 200:
		println("two hundred")
	}
}
