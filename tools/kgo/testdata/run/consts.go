package main

type Stat uint8

const (
	SNULL Stat = iota
	SSLEEP
	SWAIT
	SRUN
	_
	SSTOP
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
)

const (
	PSWP  = -100
	PINOD = -90
	PUSER = 100
)

const mask = ^uint32(0)
const big = 1 << 40 >> 35
const name = "v6" + "pp"

type Flag int

const (
	SLOAD Flag = 1 << iota
	SSYS
	SLOCK
)

func main() {
	println(SNULL, SSLEEP, SRUN, SSTOP)
	println(KB, MB, big, mask)
	println(PSWP, PINOD, PUSER, name, len(name))
	f := SLOAD | SLOCK
	println(f, f&SSYS != 0, f&SLOCK != 0)
	var s Stat = SRUN
	s++
	println(s == SRUN+1)
	const local = 'x' - 'a'
	println(local)
}
