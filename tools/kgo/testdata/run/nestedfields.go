package main

type Inner struct {
	V [2]int16
}
type Mid struct {
	In  Inner
	Ptr *Inner
}
type Outer struct {
	M  [2]Mid
	PM *Mid
}

func main() {
	var in Inner
	var o Outer
	o.M[1].Ptr = &in
	o.PM = &o.M[0]
	o.PM.In.V[1] = 7
	o.M[1].Ptr.V[0] = -3
	o.PM.Ptr = o.M[1].Ptr
	o.PM.Ptr.V[1] += 100
	println(o.M[0].In.V[1], in.V[0], in.V[1], o.M[0].Ptr.V[1])
	pv := &o.M[0].In.V
	pv[0] = 11
	println(o.PM.In.V[0])
}
