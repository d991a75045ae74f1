package main

func count() int {
	println("count evaluated once")
	return 4
}

func main() {
	for i := range count() {
		print(i, ",")
	}
	println()
	var n uint8 = 3
	for i := range n {
		println(i + 250)
	}
	total := 0
	for i := range 100 {
		if i%3 == 0 {
			continue
		}
		total += i
	}
	println(total)
}
