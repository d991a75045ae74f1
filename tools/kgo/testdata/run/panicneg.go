package main

func main() {
	var a [4]uint8
	i := 3
	a[i] = 1
	i -= 4
	println(a[3])
	a[i] = 2
}
