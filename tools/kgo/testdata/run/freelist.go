package main

type Buf struct {
	Blkno int
	Flags uint16
	Next  *Buf
	Prev  *Buf
}

const NBUF = 6

var bufs [NBUF]Buf
var freeHead Buf

func initList() {
	freeHead.Next, freeHead.Prev = &freeHead, &freeHead
	for i := range bufs {
		b := &bufs[i]
		b.Blkno = -1
		b.Next = freeHead.Next
		b.Prev = &freeHead
		freeHead.Next.Prev = b
		freeHead.Next = b
	}
}

func take() *Buf {
	b := freeHead.Prev
	if b == &freeHead {
		return nil
	}
	b.Prev.Next = b.Next
	b.Next.Prev = b.Prev
	return b
}

func main() {
	initList()
	n := 0
	for b := take(); b != nil; b = take() {
		b.Blkno = n * 10
		n++
		print(b.Blkno, " ")
	}
	println()
	println(n, bufs[0].Blkno, bufs[5].Blkno, freeHead.Next == &freeHead)
}
