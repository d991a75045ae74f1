//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// In-core inodes (V6++ Inode, InodeTable).

const (
	NINODE = 100 // in-core inodes (InodeTable::NINODE)
	NIHASH = 32  // hash chains of the in-core inodes, a power of two (ours)

	// i_flag
	ILOCK  = 0x1 // locked
	IUPD   = 0x2 // modified: write back
	IACC   = 0x4 // accessed: update the access time
	IMOUNT = 0x8
	IWANT  = 0x10 // someone sleeps waiting for the lock
	ITEXT  = 0x20 // a shared text's file

	// i_mode
	IALLOC = 0x8000 // in use
	IFMT   = 0x6000 // type:
	IFDIR  = 0x4000 // directory
	IFCHR  = 0x2000 // character device
	IFBLK  = 0x6000 // block device; 0 is a regular file
	ILARG  = 0x1000
	ISUID  = 0x800
	ISGID  = 0x400
	ISVTX  = 0x200
	IREAD  = 0x100 // owner may read; on a pipe: a reader waits
	IWRITE = 0x80  // owner may write; on a pipe: a writer waits
	IEXEC  = 0x40

	// Block addressing: 6 direct blocks, 2 single-indirect, 2 double.
	ADDRESS_PER_INDEX_BLOCK = BUFFER_SIZE / 4
	SMALL_FILE_BLOCK        = 6
	LARGE_FILE_BLOCK        = 6 + 2*ADDRESS_PER_INDEX_BLOCK
	HUGE_FILE_BLOCK         = LARGE_FILE_BLOCK + 2*ADDRESS_PER_INDEX_BLOCK*ADDRESS_PER_INDEX_BLOCK
)

// Inode is an in-core inode (V6++ Inode).
type Inode struct {
	i_flag   int32
	i_mode   uint32
	i_count  int32 // references
	i_nlink  int32
	i_dev    int32
	i_number int32
	i_uid    int16
	i_gid    int16
	i_size   int32
	i_addr   [10]int32
	i_lastr  int32
	i_hnext  *Inode // the next inode of its hash chain (ours)
}

// InodeTable is the table of in-core inodes (V6++ InodeTable). V6++'s
// IGet scans the whole table for the inode; we also chain the inodes in
// use by number, as later Unixes do, because every path name looks up
// an inode per component and the scans of NINODE entries were an eighth
// of a fork+exec+wait.
type InodeTable struct {
	m_Inode [NINODE]Inode
	m_Hash  [NIHASH]*Inode // chains of the referenced inodes, by i_number
}

var InodeTbl InodeTable

// IOParameter says where ReadI and WriteI transfer (V6++ IOParameter, in
// u.u_IOParam): m_Base is a kernel or user address — user space is mapped
// while its process runs, and the system calls check user buffers first.
type IOParameter struct {
	m_Base   uintptr
	m_Offset int32
	m_Count  int32 // bytes left to transfer
}

// IsLoaded reports whether inode ino is in core (InodeTable::IsLoaded).
func (t *InodeTable) IsLoaded(dev, ino int32) bool {
	return t.lookup(dev, ino) != nil
}

// lookup returns in-core inode ino of dev, or nil (IGet's search).
func (t *InodeTable) lookup(dev, ino int32) *Inode {
	for ip := t.m_Hash[ino&(NIHASH-1)]; ip != nil; ip = ip.i_hnext {
		if ip.i_number == ino && ip.i_dev == dev {
			return ip
		}
	}
	return nil
}

// IGet returns inode ino referenced and locked, reading it from the disk
// if it is not in core (InodeTable::IGet). nil with u_error: ENFILE when
// the table is full, EIO for an inode number no file system has or a disk
// error.
func (t *InodeTable) IGet(dev, ino int32) *Inode {
	u := GetUser()
	if ino < ROOTINO || ino >= NINODES {
		println("fs: bad inode number", ino)
		u.u_error = EIO
		return nil
	}
	for {
		found := t.lookup(dev, ino)
		if found != nil {
			if found.i_flag&ILOCK != 0 {
				found.i_flag |= IWANT
				u.u_procp.Sleep(uintptr(unsafe.Pointer(found)), PINOD)
				continue
			}
			found.i_count++
			found.i_flag |= ILOCK
			return found
		}
		var free *Inode
		for i := 0; i < NINODE && free == nil; i++ {
			if t.m_Inode[i].i_count == 0 {
				free = &t.m_Inode[i]
			}
		}
		if free == nil {
			println("fs: inode table overflow")
			u.u_error = ENFILE
			return nil
		}
		ip := free
		ip.i_dev = dev
		ip.i_number = ino
		ip.i_flag = ILOCK
		ip.i_count = 1
		ip.i_lastr = -1
		h := &t.m_Hash[ino&(NIHASH-1)]
		ip.i_hnext = *h
		*h = ip
		b := BufMgr.Bread(dev, INODE_ZONE_START_SECTOR+ino/INODE_NUMBER_PER_SECTOR)
		if b.b_flags&B_ERROR != 0 {
			BufMgr.Brelse(b)
			ip.i_nlink = 1 // keep IPut from freeing what it never read
			ip.i_mode = 0
			t.IPut(ip)
			u.u_error = EIO
			return nil
		}
		ip.ICopy(b, ino)
		BufMgr.Brelse(b)
		return ip
	}
}

// ICopy loads the disk inode ino from b (Inode::ICopy).
func (ip *Inode) ICopy(b *Buf, ino int32) {
	d := (*DiskInode)(unsafe.Pointer(b.b_addr + uintptr(ino%INODE_NUMBER_PER_SECTOR)*64))
	ip.i_mode = d.d_mode
	ip.i_nlink = d.d_nlink
	ip.i_uid = d.d_uid
	ip.i_gid = d.d_gid
	ip.i_size = d.d_size
	ip.i_addr = d.d_addr
}

// IPut drops a reference to ip, which the caller has locked
// (InodeTable::IPut). The last reference writes it back, and frees it and
// its blocks if no directory names it any more. Unlike V6++, which
// releases the lock whether or not the caller held it (so closing a file
// could unlock an inode another process was using), callers must hold it.
func (t *InodeTable) IPut(ip *Inode) {
	if ip.i_count == 1 {
		if ip.i_nlink <= 0 && ip.i_mode != 0 {
			ip.ITrunc()
			ip.i_mode = 0
			ip.i_flag |= IUPD
			ip.IUpdate(int32(bootTime + time_))
			FS.IFree(ip.i_number)
		} else {
			ip.IUpdate(int32(bootTime + time_))
		}
		ip.Prele()
		ip.i_flag = 0
		pp := &t.m_Hash[ip.i_number&(NIHASH-1)]
		for *pp != ip {
			pp = &(*pp).i_hnext
		}
		*pp = ip.i_hnext
		ip.i_number = -1
	}
	ip.i_count--
	ip.Prele()
}

// UpdateInodeTable writes back every modified in-core inode that is not
// locked (InodeTable::UpdateInodeTable).
func (t *InodeTable) UpdateInodeTable() {
	for i := 0; i < NINODE; i++ {
		ip := &t.m_Inode[i]
		if ip.i_count != 0 && ip.i_flag&ILOCK == 0 && ip.i_flag&(IUPD|IACC) != 0 {
			ip.i_flag |= ILOCK
			ip.i_count++
			ip.IUpdate(int32(bootTime + time_))
			t.IPut(ip)
		}
	}
}

// IUpdate writes ip back to its disk inode if it changed (Inode::IUpdate).
func (ip *Inode) IUpdate(now int32) {
	if ip.i_flag&(IUPD|IACC) == 0 || !FS.mounted {
		return
	}
	b := BufMgr.Bread(ip.i_dev, INODE_ZONE_START_SECTOR+ip.i_number/INODE_NUMBER_PER_SECTOR)
	if b.b_flags&B_ERROR != 0 {
		BufMgr.Brelse(b)
		return
	}
	d := (*DiskInode)(unsafe.Pointer(b.b_addr + uintptr(ip.i_number%INODE_NUMBER_PER_SECTOR)*64))
	d.d_mode = ip.i_mode
	d.d_nlink = ip.i_nlink
	d.d_uid = ip.i_uid
	d.d_gid = ip.i_gid
	d.d_size = ip.i_size
	d.d_addr = ip.i_addr
	if ip.i_flag&IACC != 0 {
		d.d_atime = now
	}
	if ip.i_flag&IUPD != 0 {
		d.d_mtime = now
	}
	if ip.i_mode == 0 {
		d.d_atime, d.d_mtime = 0, 0
	}
	accessOnly := ip.i_flag&IUPD == 0
	ip.i_flag &^= IUPD | IACC
	// V6++ writes the inode at once. A new access time alone is a
	// delayed write here (as in later BSDs): a crash that loses it harms
	// nothing, and otherwise every exec of a program waited for the disk.
	if accessOnly {
		BufMgr.Bdwrite(b)
	} else {
		BufMgr.Bwrite(b)
	}
}

// ITrunc frees all of ip's blocks (Inode::ITrunc). Devices have none: their
// i_addr[0] is the device number.
func (ip *Inode) ITrunc() {
	if t := ip.i_mode & IFMT; t == IFCHR || t == IFBLK {
		return
	}
	for i := 9; i >= 0; i-- {
		bn := ip.i_addr[i]
		if bn == 0 {
			continue
		}
		depth := int32(0)
		if i >= 8 {
			depth = 2
		} else if i >= SMALL_FILE_BLOCK {
			depth = 1
		}
		freeTree(bn, depth)
		ip.i_addr[i] = 0
	}
	ip.i_size = 0
	ip.i_flag |= IUPD
}

// freeTree frees block bn and, for an index block of the given depth, the
// blocks it points at.
func freeTree(bn, depth int32) {
	if depth > 0 && !FS.BadBlock(bn) {
		b := BufMgr.Bread(ROOTDEV, bn)
		if b.b_flags&B_ERROR == 0 {
			for j := ADDRESS_PER_INDEX_BLOCK - 1; j >= 0; j-- {
				c := *(*int32)(unsafe.Pointer(b.b_addr + uintptr(j*4)))
				if c != 0 {
					freeTree(c, depth-1)
				}
			}
		}
		BufMgr.Brelse(b)
	}
	FS.Free(bn)
}

// NLock locks ip, sleeping while someone else has it (Inode::NFlock in
// V6++, plock in V6).
func (ip *Inode) NLock() {
	for ip.i_flag&ILOCK != 0 {
		ip.i_flag |= IWANT
		GetUser().u_procp.Sleep(uintptr(unsafe.Pointer(ip)), PINOD)
	}
	ip.i_flag |= ILOCK
}

// Prele unlocks ip and wakes whoever waits for it (Inode::Prele).
func (ip *Inode) Prele() {
	ip.i_flag &^= ILOCK
	if ip.i_flag&IWANT != 0 {
		ip.i_flag &^= IWANT
		ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(ip)))
	}
}

// Clean clears a freshly allocated inode (Inode::Clean).
func (ip *Inode) Clean() {
	ip.i_mode = 0
	ip.i_nlink = 0
	ip.i_uid, ip.i_gid = 0, 0
	ip.i_size = 0
	ip.i_lastr = -1
	for i := 0; i < 10; i++ {
		ip.i_addr[i] = 0
	}
}

// Bmap maps logical block lbn of ip to a disk block (Inode::Bmap). For a
// write, missing blocks (and index blocks) are allocated; for a read a
// hole gives 0, which ReadI reads as zeroes (V6++ allocates holes on read
// too, filling the disk for nothing). 0 with u_error on failure: EFBIG
// past the largest file, ENOSPC, EIO for a damaged index.
func (ip *Inode) Bmap(lbn int32, write bool) int32 {
	u := GetUser()
	if lbn < 0 || lbn >= HUGE_FILE_BLOCK {
		u.u_error = EFBIG
		return 0
	}
	if lbn < SMALL_FILE_BLOCK {
		bn := ip.i_addr[lbn]
		if bn == 0 && write {
			b := FS.Alloc()
			if b == nil {
				return 0
			}
			bn = b.b_blkno
			BufMgr.Bdwrite(b)
			ip.i_addr[lbn] = bn
			ip.i_flag |= IUPD
		}
		if bn != 0 && FS.BadBlock(bn) {
			return 0
		}
		return bn
	}
	// Which i_addr slot, and the index path below it.
	var index, levels int32
	var rest int32
	if lbn < LARGE_FILE_BLOCK {
		rest = lbn - SMALL_FILE_BLOCK
		index = rest/ADDRESS_PER_INDEX_BLOCK + SMALL_FILE_BLOCK
		rest %= ADDRESS_PER_INDEX_BLOCK
		levels = 1
	} else {
		rest = lbn - LARGE_FILE_BLOCK
		index = rest/(ADDRESS_PER_INDEX_BLOCK*ADDRESS_PER_INDEX_BLOCK) + 8
		rest %= ADDRESS_PER_INDEX_BLOCK * ADDRESS_PER_INDEX_BLOCK
		levels = 2
	}
	bn := ip.i_addr[index]
	if bn == 0 {
		if !write {
			return 0
		}
		b := FS.Alloc()
		if b == nil {
			return 0
		}
		bn = b.b_blkno
		BufMgr.Bdwrite(b)
		ip.i_addr[index] = bn
		ip.i_flag |= IUPD
	}
	for ; levels > 0; levels-- {
		if FS.BadBlock(bn) {
			return 0
		}
		b := BufMgr.Bread(ip.i_dev, bn)
		if b.b_flags&B_ERROR != 0 {
			BufMgr.Brelse(b)
			return 0
		}
		slot := rest
		if levels == 2 {
			slot = rest / ADDRESS_PER_INDEX_BLOCK
			rest %= ADDRESS_PER_INDEX_BLOCK
		}
		entry := (*int32)(unsafe.Pointer(b.b_addr + uintptr(slot*4)))
		next := *entry
		if next == 0 {
			if !write {
				BufMgr.Brelse(b)
				return 0
			}
			nb := FS.Alloc()
			if nb == nil {
				BufMgr.Brelse(b)
				return 0
			}
			next = nb.b_blkno
			BufMgr.Bdwrite(nb)
			*entry = next
			BufMgr.Bdwrite(b)
		} else {
			BufMgr.Brelse(b)
		}
		bn = next
	}
	if FS.BadBlock(bn) {
		return 0
	}
	return bn
}

// ReadI reads from ip at u_IOParam (Inode::ReadI): up to the end of the
// file, or from the device a character-device inode names.
func (ip *Inode) ReadI() {
	u := GetUser()
	io := &u.u_IOParam
	if io.m_Count == 0 {
		return
	}
	ip.i_flag |= IACC
	if ip.i_mode&IFMT == IFCHR {
		CdevRead(ip.i_addr[0])
		return
	}
	for u.u_error == 0 && io.m_Count > 0 {
		lbn := io.m_Offset / BUFFER_SIZE
		on := io.m_Offset % BUFFER_SIZE
		n := BUFFER_SIZE - on
		if n > io.m_Count {
			n = io.m_Count
		}
		remain := ip.i_size - io.m_Offset
		if remain <= 0 {
			return
		}
		if n > remain {
			n = remain
		}
		bn := ip.Bmap(lbn, false)
		if u.u_error != 0 {
			return
		}
		if bn == 0 {
			hw.FillBytes(io.m_Base, 0, uint32(n))
		} else {
			var b *Buf
			if ip.i_lastr+1 == lbn && (lbn+1)*BUFFER_SIZE < ip.i_size {
				// Reading on from the last block: read the next one
				// ahead (a hole or a bad number just gives none).
				ra := ip.Bmap(lbn+1, false)
				u.u_error = 0
				b = BufMgr.Breada(ip.i_dev, bn, ra)
			} else {
				b = BufMgr.Bread(ip.i_dev, bn)
			}
			if b.b_flags&B_ERROR == 0 {
				hw.CopyBytes(io.m_Base, b.b_addr+uintptr(on), uint32(n))
			}
			BufMgr.Brelse(b)
		}
		ip.i_lastr = lbn
		io.m_Base += uintptr(n)
		io.m_Offset += n
		io.m_Count -= n
	}
}

// WriteI writes to ip at u_IOParam (Inode::WriteI), allocating blocks and
// growing the file. A whole block is written at once (asynchronously), a
// partial one is left for later (delayed write), as V6.
func (ip *Inode) WriteI() {
	u := GetUser()
	io := &u.u_IOParam
	ip.i_flag |= IACC | IUPD
	if ip.i_mode&IFMT == IFCHR {
		CdevWrite(ip.i_addr[0])
		return
	}
	for u.u_error == 0 && io.m_Count > 0 {
		lbn := io.m_Offset / BUFFER_SIZE
		on := io.m_Offset % BUFFER_SIZE
		n := BUFFER_SIZE - on
		if n > io.m_Count {
			n = io.m_Count
		}
		if io.m_Offset < 0 || io.m_Offset > HUGE_FILE_BLOCK*BUFFER_SIZE-n {
			u.u_error = EFBIG
			return
		}
		bn := ip.Bmap(lbn, true)
		if bn == 0 {
			return
		}
		var b *Buf
		if n == BUFFER_SIZE {
			b = BufMgr.GetBlk(ip.i_dev, bn)
		} else {
			b = BufMgr.Bread(ip.i_dev, bn)
			if b.b_flags&B_ERROR != 0 {
				BufMgr.Brelse(b)
				return
			}
		}
		hw.CopyBytes(b.b_addr+uintptr(on), io.m_Base, uint32(n))
		io.m_Base += uintptr(n)
		io.m_Offset += n
		io.m_Count -= n
		if (on+n)%BUFFER_SIZE == 0 {
			BufMgr.Bawrite(b)
		} else {
			BufMgr.Bdwrite(b)
		}
		if ip.i_size < io.m_Offset {
			ip.i_size = io.m_Offset
		}
		ip.i_flag |= IUPD
	}
}
