// A small kernel-shaped program: a process table with sleep/wakeup and a
// priority scheduler, a buffer cache with hash chains and an LRU free list,
// a tty ring buffer, and a device switch of handlers, driven by a scripted
// workload. It is the largest differential program (the benchmark's).
package main

const (
	NPROC  = 8
	NBUF   = 6
	NHASH  = 4
	TTYSIZ = 16

	SNULL  = 0
	SRUN   = 1
	SSLEEP = 2
	SZOMB  = 3

	PUSER  = 100
	PRIBIO = -50
	TTIPRI = 10

	BBUSY = 1 << iota
	BDONE
	BWANTED
)

type Proc struct {
	Stat  uint8
	Pri   int16
	Cpu   uint8
	Nice  int8
	Pid   int
	Wchan uintptr
	Ticks int
}

type Buf struct {
	Flags          uint16
	Dev, Blkno     int
	Forw, Back     *Buf // hash chain
	AvForw, AvBack *Buf // free list
	Data           [8]byte
}

type Tty struct {
	buf        [TTYSIZ]byte
	head, tail int
	count      int
}

type DevSw struct {
	Name  string
	Start func(b *Buf) int
}

var procs [NPROC]Proc
var nextPid = 1
var cur *Proc
var runrun int
var switches int

var bufs [NBUF]Buf
var hash [NHASH]Buf
var freelist Buf
var reads, hits int

var tty Tty

var devsw = [2]DevSw{{"rk", rkStart}, {"null", nullStart}}

func rkStart(b *Buf) int {
	for i := range b.Data {
		b.Data[i] = byte(b.Blkno*7 + i)
	}
	return 1
}

func nullStart(b *Buf) int { return 0 }

// --- processes

func newProc(nice int8) *Proc {
	for i := range procs {
		p := &procs[i]
		if p.Stat == SNULL {
			*p = Proc{Stat: SRUN, Pid: nextPid, Nice: nice}
			nextPid++
			setPri(p)
			return p
		}
	}
	panic("no procs")
}

func setPri(p *Proc) {
	pri := int(p.Cpu)/16 + PUSER + int(p.Nice)
	if pri > 127 {
		pri = 127
	}
	p.Pri = int16(pri)
	if cur != nil && p.Pri < cur.Pri {
		runrun++
	}
}

func sleep(chan_ uintptr, pri int) {
	cur.Wchan = chan_
	cur.Pri = int16(pri)
	cur.Stat = SSLEEP
	swtch()
}

func wakeup(chan_ uintptr) int {
	n := 0
	for i := range procs {
		p := &procs[i]
		if p.Stat == SSLEEP && p.Wchan == chan_ {
			p.Stat, p.Wchan = SRUN, 0
			setPri(p)
			n++
		}
	}
	return n
}

func selectProc() *Proc {
	var best *Proc
	for i := range procs {
		p := &procs[i]
		if p.Stat == SRUN && (best == nil || p.Pri < best.Pri) {
			best = p
		}
	}
	return best
}

func swtch() {
	switches++
	runrun = 0
	cur = selectProc()
}

func clock() {
	if cur == nil {
		return
	}
	cur.Ticks++
	if cur.Cpu < 255 {
		cur.Cpu++
	}
	if cur.Ticks%4 == 0 {
		for i := range procs {
			p := &procs[i]
			if p.Stat == SNULL {
				continue
			}
			if p.Cpu >= 10 {
				p.Cpu -= 10
			} else {
				p.Cpu = 0
			}
			if p.Stat == SRUN {
				setPri(p)
			}
		}
	}
}

// --- buffer cache

func binit() {
	freelist.AvForw, freelist.AvBack = &freelist, &freelist
	for i := range hash {
		h := &hash[i]
		h.Forw, h.Back = h, h
	}
	for i := range bufs {
		b := &bufs[i]
		b.Dev = -1
		b.Forw, b.Back = b, b
		brelse(b)
	}
}

func notavail(b *Buf) {
	b.AvBack.AvForw = b.AvForw
	b.AvForw.AvBack = b.AvBack
	b.Flags |= BBUSY
}

func brelse(b *Buf) {
	b.Flags &^= BBUSY | BWANTED
	b.AvBack = freelist.AvBack
	b.AvForw = &freelist
	freelist.AvBack.AvForw = b
	freelist.AvBack = b
}

func getblk(dev, blkno int) *Buf {
	h := &hash[blkno%NHASH]
	for b := h.Forw; b != h; b = b.Forw {
		if b.Dev == dev && b.Blkno == blkno {
			notavail(b)
			hits++
			return b
		}
	}
	b := freelist.AvForw
	if b == &freelist {
		panic("no buffers")
	}
	notavail(b)
	b.Back.Forw, b.Forw.Back = b.Forw, b.Back // unhash
	b.Forw, b.Back = h.Forw, h
	h.Forw.Back = b
	h.Forw = b
	b.Dev, b.Blkno = dev, blkno
	b.Flags &^= BDONE
	return b
}

func bread(dev, blkno int) *Buf {
	b := getblk(dev, blkno)
	if b.Flags&BDONE == 0 {
		reads++
		if devsw[dev].Start(b) != 0 {
			b.Flags |= BDONE
		}
	}
	return b
}

// --- tty

func ttyput(c byte) bool {
	if tty.count == TTYSIZ {
		return false
	}
	tty.buf[tty.tail] = c
	tty.tail = (tty.tail + 1) % TTYSIZ
	tty.count++
	return true
}

func ttyget() (byte, bool) {
	if tty.count == 0 {
		return 0, false
	}
	c := tty.buf[tty.head]
	tty.head = (tty.head + 1) % TTYSIZ
	tty.count--
	return c, true
}

func main() {
	binit()
	for i := 0; i < 5; i++ {
		newProc(int8(i%3 - 1))
	}
	swtch()
	sum := 0
	for step := 0; step < 60; step++ {
		clock()
		switch {
		case step%7 == 3:
			b := bread(0, step%9)
			sum += int(b.Data[step%8])
			brelse(b)
		case step%11 == 5:
			sleep(uintptr(step%2+1), PRIBIO)
		case step%13 == 0:
			wakeup(1)
			wakeup(2)
		default:
			if !ttyput(byte('a' + step%26)) {
				c, _ := ttyget()
				sum += int(c)
			}
		}
		if runrun > 0 || cur == nil {
			swtch()
		}
	}
	for i := range procs {
		p := &procs[i]
		if p.Stat != SNULL {
			println(p.Pid, p.Stat, p.Pri, p.Cpu, p.Ticks)
		}
	}
	n := 0
	for c, ok := ttyget(); ok; c, ok = ttyget() {
		n += int(c)
	}
	nb := bread(1, 3)
	println(sum, n, switches, reads, hits, nb.Flags&BDONE, devsw[0].Name)
}
