package main

type Proc struct {
	Stat uint8
	Pri  int
	Cpu  int
	Nice int
	Pid  int
}

const (
	SRUN  = 3
	PUSER = 100
	NPROC = 5
)

var procs [NPROC]Proc
var last int

func setPri(p *Proc) {
	p.Pri = p.Cpu/16 + PUSER + p.Nice
}

func selectProc() *Proc {
	var best *Proc
	for k := 1; k <= NPROC; k++ {
		i := (last + k) % NPROC
		p := &procs[i]
		if p.Stat != SRUN {
			continue
		}
		if best == nil || p.Pri < best.Pri {
			best = p
			last = i
		}
	}
	return best
}

func main() {
	for i := range procs {
		p := &procs[i]
		p.Pid, p.Stat, p.Cpu, p.Nice = i, SRUN, i*20, 0
		setPri(p)
	}
	procs[2].Stat = 0
	for tick := 0; tick < 8; tick++ {
		p := selectProc()
		p.Cpu += 40
		setPri(p)
		print(p.Pid, ":", p.Pri, " ")
	}
	println()
}
