package main

func find(a [6]int, x int) int {
	i := 0
	for i = 0; i < len(a); i++ {
		for j := 0; j < 3; j++ {
			if a[i] == x {
				goto found
			}
		}
	}
	return -1
found:
	return i
}

func main() {
	a := [6]int{3, 1, 4, 1, 5, 9}
	println(find(a, 5), find(a, 7))
	n := 0
again:
	n++
	if n < 5 {
		goto again
	}
	println(n)
	goto end
end:
	println("end")
}
