package main

type Entry struct {
	Num  int
	Args int8
	Name string
}

var table = [4]Entry{
	{1, 1, "exit"},
	{2, 0, "fork"},
	{Num: 4, Args: 3, Name: "write"},
	3: {Name: "last"},
}

var counts [10]uint16
var limit = 42
var flag bool = true
var small int8 = -7
var matrix = [2][3]int{{1, 2, 3}, {4, 5, 6}}

type Config struct {
	Pos  struct{ X, Y int }
	Size [2]uint8
}

var cfg = Config{Size: [2]uint8{3, 250}}

func main() {
	for i := range table {
		e := &table[i]
		println(e.Num, e.Args, e.Name, len(e.Name))
	}
	counts[3] += 5
	limit++
	println(counts[3], limit, flag, small, matrix[1][2], cfg.Size[1], cfg.Pos.X)
	cfg.Pos.Y = 9
	println(cfg.Pos.Y)
}
