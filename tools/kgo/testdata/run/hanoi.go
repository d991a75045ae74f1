package main

var moves int

func hanoi(n int, from, to, via byte) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to)
	moves++
	if n == 4 {
		println("move", n, from, to)
	}
	hanoi(n-1, via, to, from)
}

func main() {
	hanoi(6, 'A', 'C', 'B')
	println(moves)
}
