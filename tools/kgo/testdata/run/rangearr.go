package main

func main() {
	a := [5]int{10, 20, 30, 40, 50}
	for i := range a {
		print(i, " ")
	}
	println()
	for i, v := range a {
		a[4-i] = v * 2 // the range uses a copy: v stays the original
		print(v, " ")
	}
	println()
	println(a[0], a[4])
	sum := 0
	for _, v := range &a {
		sum += v
	}
	println(sum)
	var grid [3][2]int
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = i*10 + j
		}
	}
	for _, row := range grid {
		println(row[0], row[1])
	}
	for range 3 {
		print("x")
	}
	println()
}
