package main

var x = 1

func main() {
	println(x)
	x := 2
	{
		x := 3
		x++
		println(x)
	}
	if x := 10; x > 5 {
		println(x)
	}
	for x := 0; x < 2; x++ {
		println("loop", x)
	}
	switch x := "s"; len(x) {
	case 1:
		println(x)
	}
	println(x)
}
