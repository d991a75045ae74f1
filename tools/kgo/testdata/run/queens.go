package main

var cols [8]bool
var d1 [15]bool
var d2 [15]bool

func solve(r int) int {
	if r == 8 {
		return 1
	}
	n := 0
	for c := 0; c < 8; c++ {
		if cols[c] || d1[r+c] || d2[r-c+7] {
			continue
		}
		cols[c], d1[r+c], d2[r-c+7] = true, true, true
		n += solve(r + 1)
		cols[c], d1[r+c], d2[r-c+7] = false, false, false
	}
	return n
}

func main() { println(solve(0)) }
