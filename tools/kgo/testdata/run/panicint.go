package main

func main() {
	println("about to panic")
	x := -17
	if x < 0 {
		panic(x * 3)
	}
}
