package main

const N = 200

var composite [N + 1]bool

func main() {
	count := 0
	for i := 2; i <= N; i++ {
		if composite[i] {
			continue
		}
		count++
		print(i, " ")
		for j := i * i; j <= N; j += i {
			composite[j] = true
		}
	}
	println()
	println(count)
}
