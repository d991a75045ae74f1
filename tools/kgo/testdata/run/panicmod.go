package main

func main() {
	var u uint8 = 7
	var z uint8
	println(u % 3)
	println(u % z)
}
