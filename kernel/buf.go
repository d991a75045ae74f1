//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// The block buffer cache and the disk driver (V6++ BufferManager, Buf,
// Devtab, ATADriver and DiskInterrupt). Every disk transfer goes through a
// Buf; a process that needs a block the disk has not delivered yet sleeps
// on the Buf at PRIBIO, and the disk interrupt wakes it, so other processes
// run meanwhile.

const (
	NBUF          = 32  // buffers (V6++ 15)
	NBHASH        = 16  // hash chains of the buffers, a power of two (ours)
	BUFFER_SIZE   = 512 // one block is one sector
	NODEV         = -1
	ROOTDEV       = 0 // the machine's one disk
	FLUSH_SECONDS = 5 // the clock starts writing delayed blocks this often

	PORT_DISK_LBA   = 0x1F0
	PORT_DISK_COUNT = 0x1F1
	PORT_DISK_ADDR  = 0x1F2
	PORT_DISK_CMD   = 0x1F3
	PORT_DISK_STAT  = 0x1F4
	PORT_DISK_SIZE  = 0x1F5
	DISK_ERROR      = 2
	IRQ_DISK        = 14
)

// Buf flags (Buf::BufFlag).
const (
	B_WRITE  = 0x1
	B_READ   = 0x2
	B_DONE   = 0x4  // the data is valid
	B_ERROR  = 0x8  // the transfer failed
	B_BUSY   = 0x10 // someone owns the buffer
	B_WANTED = 0x20 // and someone else sleeps waiting for it
	B_ASYNC  = 0x40 // release when the transfer ends, nobody waits
	B_DELWRI = 0x80 // modified; write before reusing
)

// Buf is a buffer header (V6++ Buf). A buffer not B_BUSY sits on the free
// list through av_forw/av_back; a busy one waiting for the disk sits on the
// device's request queue through av_forw.
type Buf struct {
	b_flags  int32
	av_forw  *Buf
	av_back  *Buf
	b_dev    int32
	b_wcount int32
	b_addr   uintptr // kernel virtual address of the data; physical = b_addr - KERNEL_BASE
	b_blkno  int32
	b_error  int32
	b_hnext  *Buf // the next buffer of its hash chain (ours)
}

// Devtab is a block device's request queue (V6++ Devtab).
type Devtab struct {
	d_active int32
	d_actf   *Buf // first request; the one in progress when d_active
	d_actl   *Buf // last request
	d_nblk   int32
}

// BufferManager owns the buffers (V6++ BufferManager). V6++ chains each
// device's buffers, and GetBlk searches the whole chain; we chain them by
// block number instead, as later Unixes do (V7's bhash), because GetBlk
// and InCore run several times for every file a process opens or execs,
// and a scan of every buffer was a tenth of a fork+exec+wait.
type BufferManager struct {
	bFreeList Buf // head of the circular free list, LRU first
	m_Buf     [NBUF]Buf
	bHash     [NBHASH]*Buf // chains of the buffers that hold a block, by b_blkno
	Buffer    [NBUF][BUFFER_SIZE]byte
}

var BufMgr BufferManager
var DiskTab Devtab

// Initialize puts every buffer on the free list (BufferManager::Initialize)
// and learns the disk's size.
func (bm *BufferManager) Initialize() {
	fl := &bm.bFreeList
	fl.av_forw, fl.av_back = fl, fl
	for i := 0; i < NBUF; i++ {
		b := &bm.m_Buf[i]
		b.b_dev = NODEV
		b.b_blkno = -1
		b.b_addr = uintptr(unsafe.Pointer(&bm.Buffer[i]))
		b.av_back = fl.av_back
		b.av_forw = fl
		fl.av_back.av_forw = b
		fl.av_back = b
	}
	DiskTab.d_nblk = int32(hw.InL(PORT_DISK_SIZE))
}

// notAvail takes b off the free list and marks it busy
// (BufferManager::NotAvail). Interrupts off: the disk interrupt may Brelse.
func (bm *BufferManager) notAvail(b *Buf) {
	s := hw.EFLAGS()
	hw.Cli()
	b.av_back.av_forw = b.av_forw
	b.av_forw.av_back = b.av_back
	b.b_flags |= B_BUSY
	hw.SetEFLAGS(s)
}

// GetBlk returns the buffer of block blkno, busy, with or without valid
// data (B_DONE says) (BufferManager::GetBlk). It sleeps while the buffer is
// someone else's, or while no buffer is free; a delayed-write buffer taken
// for reuse is written out first.
func (bm *BufferManager) GetBlk(dev, blkno int32) *Buf {
	p := GetUser().u_procp
	for {
		hw.Cli()
		found := bm.lookup(dev, blkno)
		if found != nil {
			if found.b_flags&B_BUSY != 0 {
				found.b_flags |= B_WANTED
				p.Sleep(uintptr(unsafe.Pointer(found)), PRIBIO)
				continue
			}
			bm.notAvail(found)
			hw.Sti()
			return found
		}
		fl := &bm.bFreeList
		if fl.av_forw == fl {
			fl.b_flags |= B_WANTED
			p.Sleep(uintptr(unsafe.Pointer(fl)), PRIBIO)
			continue
		}
		b := fl.av_forw
		bm.notAvail(b)
		if b.b_flags&B_DELWRI != 0 {
			hw.Sti()
			b.b_flags |= B_ASYNC
			bm.Bwrite(b)
			continue
		}
		// Renamed before interrupts come back, so that the clock's
		// GetBlkNoWait cannot give the same block a second buffer.
		b.b_flags = B_BUSY
		bm.rename(b, dev, blkno)
		hw.Sti()
		return b
	}
}

// GetBlkNoWait is GetBlk for interrupt handlers, which cannot sleep: nil
// if block blkno's buffer is busy, or no clean buffer is free (ours).
func (bm *BufferManager) GetBlkNoWait(dev, blkno int32) *Buf {
	s := hw.EFLAGS()
	hw.Cli()
	b := bm.lookup(dev, blkno)
	if b == nil {
		fl := &bm.bFreeList
		if f := fl.av_forw; f != fl && f.b_flags&B_DELWRI == 0 {
			b = f
			b.b_flags = 0
			bm.rename(b, dev, blkno)
		}
	}
	if b != nil && b.b_flags&B_BUSY == 0 {
		bm.notAvail(b)
	} else {
		b = nil
	}
	hw.SetEFLAGS(s)
	return b
}

// Brelse gives b back: to the end of the free list, waking whoever waits
// for it or for any buffer (BufferManager::Brelse). A buffer whose transfer
// failed forgets its block so that nobody trusts its data.
func (bm *BufferManager) Brelse(b *Buf) {
	s := hw.EFLAGS()
	hw.Cli()
	if b.b_flags&B_WANTED != 0 {
		ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(b)))
	}
	fl := &bm.bFreeList
	if fl.b_flags&B_WANTED != 0 {
		fl.b_flags &^= B_WANTED
		ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(fl)))
	}
	if b.b_flags&B_ERROR != 0 {
		b.b_flags &^= B_ERROR | B_DELWRI | B_DONE
		bm.rename(b, NODEV, -1)
	}
	b.b_flags &^= B_WANTED | B_BUSY | B_ASYNC
	b.av_back = fl.av_back
	b.av_forw = fl
	fl.av_back.av_forw = b
	fl.av_back = b
	hw.SetEFLAGS(s)
}

// Bread returns block blkno with its data, reading it if the cache does
// not have it (BufferManager::Bread). On a disk error B_ERROR is set and
// u_error is EIO; the caller still owns the buffer and must Brelse it.
func (bm *BufferManager) Bread(dev, blkno int32) *Buf {
	b := bm.GetBlk(dev, blkno)
	if b.b_flags&B_DONE != 0 {
		return b
	}
	b.b_flags |= B_READ
	b.b_wcount = BUFFER_SIZE
	Strategy(b)
	bm.IOWait(b)
	return b
}

// InCore reports whether block blkno has a buffer (BufferManager::InCore).
func (bm *BufferManager) InCore(dev, blkno int32) bool {
	s := hw.EFLAGS()
	hw.Cli()
	b := bm.lookup(dev, blkno)
	hw.SetEFLAGS(s)
	return b != nil
}

// lookup returns the buffer that holds block blkno of dev, or nil (the
// search of BufferManager::GetBlk). Interrupts are off: the disk
// interrupt renames buffers.
func (bm *BufferManager) lookup(dev, blkno int32) *Buf {
	for b := bm.bHash[blkno&(NBHASH-1)]; b != nil; b = b.b_hnext {
		if b.b_blkno == blkno && b.b_dev == dev {
			return b
		}
	}
	return nil
}

// rename makes b the buffer of block blkno of dev, moving it to that
// block's hash chain; NODEV leaves it on none.
func (bm *BufferManager) rename(b *Buf, dev, blkno int32) {
	s := hw.EFLAGS()
	hw.Cli()
	if b.b_dev != NODEV {
		pp := &bm.bHash[b.b_blkno&(NBHASH-1)]
		for *pp != b {
			pp = &(*pp).b_hnext
		}
		*pp = b.b_hnext
	}
	b.b_dev = dev
	b.b_blkno = blkno
	b.b_hnext = nil
	if dev != NODEV {
		h := &bm.bHash[blkno&(NBHASH-1)]
		b.b_hnext = *h
		*h = b
	}
	hw.SetEFLAGS(s)
}

// Breada is Bread that also starts reading rablkno, the block the reader
// will want next, without waiting for it (BufferManager::Breada): a
// sequential reader finds it in the cache, read while it worked.
func (bm *BufferManager) Breada(dev, blkno, rablkno int32) *Buf {
	var b *Buf
	if !bm.InCore(dev, blkno) {
		b = bm.GetBlk(dev, blkno)
		if b.b_flags&B_DONE == 0 {
			b.b_flags |= B_READ
			b.b_wcount = BUFFER_SIZE
			Strategy(b)
		}
	}
	if rablkno != 0 && !bm.InCore(dev, rablkno) {
		ra := bm.GetBlk(dev, rablkno)
		if ra.b_flags&B_DONE != 0 {
			bm.Brelse(ra)
		} else {
			ra.b_flags |= B_READ | B_ASYNC
			ra.b_wcount = BUFFER_SIZE
			Strategy(ra)
		}
	}
	if b == nil {
		return bm.Bread(dev, blkno)
	}
	bm.IOWait(b)
	return b
}

// Bwrite writes b to the disk (BufferManager::Bwrite): synchronously,
// waiting and releasing it, unless B_ASYNC asks for the disk interrupt to
// release it.
func (bm *BufferManager) Bwrite(b *Buf) {
	flags := b.b_flags
	b.b_flags &^= B_READ | B_DONE | B_ERROR | B_DELWRI
	b.b_wcount = BUFFER_SIZE
	Strategy(b)
	if flags&B_ASYNC == 0 {
		bm.IOWait(b)
		bm.Brelse(b)
	}
}

// Bdwrite marks b modified and releases it; it is written when its buffer
// is reused, at sync, or by the clock's periodic flush (BufferManager::
// Bdwrite).
func (bm *BufferManager) Bdwrite(b *Buf) {
	b.b_flags |= B_DELWRI | B_DONE
	bm.Brelse(b)
}

// Bawrite starts writing b and returns at once (BufferManager::Bawrite).
func (bm *BufferManager) Bawrite(b *Buf) {
	b.b_flags |= B_ASYNC
	bm.Bwrite(b)
}

// ClrBuf zeroes b's data (BufferManager::ClrBuf).
func (bm *BufferManager) ClrBuf(b *Buf) {
	hw.FillWords(b.b_addr, 0, BUFFER_SIZE/4)
}

// IOWait sleeps until b's transfer is done (BufferManager::IOWait); a
// failure becomes EIO.
func (bm *BufferManager) IOWait(b *Buf) {
	hw.Cli()
	for b.b_flags&B_DONE == 0 {
		GetUser().u_procp.Sleep(uintptr(unsafe.Pointer(b)), PRIBIO)
		hw.Cli()
	}
	hw.Sti()
	if b.b_flags&B_ERROR != 0 {
		GetUser().u_error = EIO
	}
}

// IODone ends b's transfer, from the disk interrupt (BufferManager::
// IODone): an asynchronous buffer goes back to the free list, a waiter is
// woken.
func (bm *BufferManager) IODone(b *Buf) {
	b.b_flags |= B_DONE
	if b.b_flags&B_ASYNC != 0 {
		bm.Brelse(b)
		return
	}
	b.b_flags &^= B_WANTED
	ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(b)))
}

// Bflush starts writing every delayed-write buffer of dev (NODEV: all)
// (BufferManager::Bflush). It does not wait for the writes.
func (bm *BufferManager) Bflush(dev int32) {
	fl := &bm.bFreeList
	s := hw.EFLAGS()
	hw.Cli()
	for {
		var b *Buf
		for c := fl.av_forw; c != fl; c = c.av_forw {
			if c.b_flags&B_DELWRI != 0 && (dev == NODEV || c.b_dev == dev) {
				b = c
				break
			}
		}
		if b == nil {
			break
		}
		b.b_flags |= B_ASYNC
		bm.notAvail(b)
		bm.Bwrite(b)
	}
	hw.SetEFLAGS(s)
}

// Strategy queues b's transfer on the disk and starts the disk if it is
// idle (ATADriver::ATAStrategy). A block beyond the disk fails at once.
func Strategy(b *Buf) {
	if b.b_blkno < 0 || b.b_blkno >= DiskTab.d_nblk {
		b.b_flags |= B_ERROR
		s := hw.EFLAGS()
		hw.Cli()
		BufMgr.IODone(b)
		hw.SetEFLAGS(s)
		return
	}
	s := hw.EFLAGS()
	hw.Cli()
	b.av_forw = nil
	if DiskTab.d_actf == nil {
		DiskTab.d_actf = b
	} else {
		DiskTab.d_actl.av_forw = b
	}
	DiskTab.d_actl = b
	if DiskTab.d_active == 0 {
		DevStart()
	}
	hw.SetEFLAGS(s)
}

// DevStart programs the disk for the first queued request (ATADriver::
// DevStart). Interrupts are off.
func DevStart() {
	b := DiskTab.d_actf
	if b == nil {
		return
	}
	DiskTab.d_active++
	hw.OutL(PORT_DISK_LBA, uint32(b.b_blkno))
	hw.OutL(PORT_DISK_COUNT, 1)
	hw.OutL(PORT_DISK_ADDR, uint32(b.b_addr-KERNEL_BASE))
	if b.b_flags&B_READ != 0 {
		hw.OutL(PORT_DISK_CMD, 1)
	} else {
		hw.OutL(PORT_DISK_CMD, 2)
	}
}

// DiskInterrupt completes the request in progress and starts the next
// (ATADriver::ATAHandler), on line 14.
func DiskInterrupt(regs *PtRegs, ctx *PtContext) {
	b := DiskTab.d_actf
	if DiskTab.d_active != 0 && b != nil {
		DiskTab.d_active = 0
		if hw.InL(PORT_DISK_STAT)&DISK_ERROR != 0 {
			b.b_flags |= B_ERROR
		}
		DiskTab.d_actf = b.av_forw
		BufMgr.IODone(b)
		DevStart()
		if DiskTab.d_actf == nil {
			ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(&DiskTab))) // Update waits for an idle disk
		}
	}
	hw.OutB(PORT_PIC_EOI, 0)
}
