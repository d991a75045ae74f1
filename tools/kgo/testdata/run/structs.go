package main

type Point struct{ X, Y int }

type Rect struct {
	Min, Max Point
	Name     [4]byte
	Flags    uint8
}

func area(r Rect) int { return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y) }

func main() {
	var r Rect
	r.Min = Point{1, 2}
	r.Max.X, r.Max.Y = 4, 6
	r.Name[0] = 'b'
	r.Flags = 255
	r.Flags++
	println(area(r), r.Min.X, r.Max.Y, r.Name[0], r.Flags)
	p := &r.Max
	p.X = 10
	println(area(r), r.Max.X)
	rs := [2]Rect{r, {Min: Point{Y: -1}}}
	println(rs[1].Min.Y, rs[0].Max.X, area(rs[1]))
}
