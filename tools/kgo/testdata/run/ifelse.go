package main

func sign(x int) int {
	if x < 0 {
		return -1
	} else if x == 0 {
		return 0
	}
	return 1
}

func main() {
	for _, v := range [5]int{-5, 0, 7, -2147483648, 2147483647} {
		if s := sign(v); s > 0 {
			println(v, "positive")
		} else if s < 0 {
			println(v, "negative")
		} else {
			println(v, "zero")
		}
	}
}
