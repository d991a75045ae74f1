package main

type Base struct {
	ID   int
	Name [3]byte
}

func (b *Base) SetID(id int) { b.ID = id }
func (b Base) Describe() int { return b.ID * 10 }

type Mid struct {
	Base
	Level int
}

type Top struct {
	*Mid
	Extra int
}

func main() {
	var m Mid
	m.SetID(7)
	m.Level = 2
	println(m.ID, m.Base.ID, m.Describe(), m.Level)
	t := Top{Mid: &m, Extra: 1}
	t.SetID(9)
	println(t.ID, m.ID, t.Describe(), t.Level)
	t.Name[1] = 'z'
	println(m.Name[1])
}
