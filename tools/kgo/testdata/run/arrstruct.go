package main

type Proc struct {
	Pid  int
	Pri  int8
	Stat uint8
	Name [6]byte
}

var procs [4]Proc

func pick() *Proc {
	var best *Proc
	for i := range procs {
		p := &procs[i]
		if p.Stat == 0 {
			continue
		}
		if best == nil || p.Pri < best.Pri {
			best = p
		}
	}
	return best
}

func main() {
	for i := range procs {
		procs[i].Pid = i + 1
		procs[i].Pri = int8(100 - i*30)
		procs[i].Stat = uint8(i % 2)
		procs[i].Name[0] = byte('a' + i)
	}
	p := pick()
	println(p.Pid, p.Pri, p.Name[0])
	procs[3].Stat = 0
	p = pick()
	println(p.Pid, p.Pri)
}
