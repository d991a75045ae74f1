package main

type Counter struct {
	n    int
	step int
}

func (c *Counter) Inc()      { c.n += c.step }
func (c Counter) Value() int { return c.n }
func (c Counter) Bumped() Counter {
	c.n += 100 // a copy
	return c
}

type Celsius int

func (t Celsius) F() int { return int(t)*9/5 + 32 }

func main() {
	c := Counter{step: 2}
	c.Inc()
	c.Inc()
	println(c.Value(), c.Bumped().Value(), c.Value())
	p := &c
	p.Inc()
	println(p.Value(), c.n)
	var t Celsius = 100
	println(t.F(), Celsius(-40).F())
	arr := [2]Counter{{1, 1}, {5, 5}}
	arr[1].Inc()
	println(arr[1].Value())
}
