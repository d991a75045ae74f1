package main

var board [8][8]int8

func main() {
	var m [3][4]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 4; j++ {
			m[i][j] = i*4 + j
		}
	}
	println(m[2][3], m[1][0], len(m), len(m[0]))
	row := m[1]
	row[0] = 99
	println(m[1][0], row[0])
	board[7][7] = -1
	board[3][4] = 5
	s := 0
	for i := range board {
		for j := range board[i] {
			s += int(board[i][j])
		}
	}
	println(s)
	var cube [2][3][4]uint16
	cube[1][2][3] = 65535
	cube[0][0][0] = cube[1][2][3] + 2
	println(cube[1][2][3], cube[0][0][0])
}
