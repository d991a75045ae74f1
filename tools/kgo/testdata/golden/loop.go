package p

var table [8]uint8

// sum shows a counted loop, a bounds-checked index and a narrow load.
func sum(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += int(table[i])
	}
	return s
}
