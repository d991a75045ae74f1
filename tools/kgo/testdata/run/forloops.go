package main

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		sum += i
	}
	println(sum)
	n := 1
	for n < 1000 {
		n *= 3
	}
	println(n)
	k := 0
	for {
		k++
		if k == 7 {
			break
		}
		if k%2 == 0 {
			continue
		}
		print(k, " ")
	}
	println()
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		println(i, j)
	}
	var i int
	for i = 5; i > 0; i-- {
	}
	println(i)
}
