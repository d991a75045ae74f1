package main

type Handler func(dev, arg int) int

type DevSw struct {
	Open  Handler
	Close func(int) bool
}

func nulOpen(dev, arg int) int { return 0 }
func ttyOpen(dev, arg int) int { return dev*10 + arg }
func ttyClose(dev int) bool    { return dev > 0 }

var devsw = [2]DevSw{
	{Open: nulOpen},
	{ttyOpen, ttyClose},
}

var hook func(int) bool = ttyClose

func apply(f Handler, a, b int) int { return f(a, b) }

func pick(n int) Handler {
	if n == 0 {
		return nulOpen
	}
	return ttyOpen
}

func main() {
	for i := range devsw {
		d := &devsw[i]
		print(d.Open(i, 3), " ", d.Close == nil, " ")
		if d.Close != nil {
			print(d.Close(i))
		}
		println()
	}
	println(apply(ttyOpen, 4, 2), pick(1)(5, 5), pick(0)(5, 5), hook(0), hook(3))
	var f Handler
	println(f == nil)
	f = ttyOpen
	println(f != nil, f(1, 1))
	init2()
}

func chooser(tag string) Handler {
	println("choose", tag)
	return ttyOpen
}

func arg(v int) int {
	println("arg", v)
	return v
}

func init2() {
	println(chooser("first")(arg(1), arg(2)))
}
