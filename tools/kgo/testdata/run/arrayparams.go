package main

func double(a [4]int) [4]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func sumBytes(b [5]uint8) (s int) {
	for _, v := range b {
		s += int(v)
	}
	return
}

func main() {
	a := [4]int{1, 2, 3, 4}
	b := double(a)
	println(a[3], b[3])
	c := double(double(b))
	println(c[0], c[3])
	println(sumBytes([5]uint8{250, 250, 250, 1, 2}))
	println(double([4]int{5})[0])
}
