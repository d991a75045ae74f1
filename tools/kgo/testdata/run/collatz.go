package main

func steps(n uint) int {
	s := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		s++
	}
	return s
}

func main() {
	best, arg := 0, uint(0)
	for i := uint(1); i < 3000; i++ {
		if s := steps(i); s > best {
			best, arg = s, i
		}
	}
	println(arg, best)
}
