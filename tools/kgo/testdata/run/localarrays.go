package main

func main() {
	for i := 0; i < 3; i++ {
		var a [4]int
		var s struct{ x, y int }
		a[i] += i + 1
		s.x += i
		println(a[0], a[1], a[2], a[3], s.x, s.y)
	}
	var big [300]uint8
	big[299] = 7
	var copy2 = big
	copy2[0] = 1
	println(big[0], copy2[0], copy2[299])
}
