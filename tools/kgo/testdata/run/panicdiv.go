package main

func div(a, b int) int { return a / b }

func main() {
	println(div(7, 2))
	z := 0
	println(div(1, z))
}
