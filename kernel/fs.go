//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// The file system's disk layout and free-space management (V6++
// FileSystem, SuperBlock): sectors 200-201 hold the superblock, 202-1023
// the inodes (8 of 64 bytes per sector), data blocks start at 1024.
// tools/fs writes and checks the same layout.

const (
	SUPER_BLOCK_SECTOR_NUMBER = 200
	INODE_ZONE_START_SECTOR   = 202
	INODE_ZONE_SIZE           = 1024 - 202
	INODE_NUMBER_PER_SECTOR   = BUFFER_SIZE / 64
	DATA_ZONE_START_SECTOR    = 1024
	NINODES                   = INODE_ZONE_SIZE * INODE_NUMBER_PER_SECTOR
	ROOTINO                   = 1 // inode 0 is never used: a directory entry of 0 is empty
	NICFREE                   = 100
	NICINOD                   = 100
)

// Error numbers only the file system gives (Linux values; param.go has
// the rest).
const (
	ETXTBSY      = 26
	EMLINK       = 31
	ERANGE       = 34
	ENAMETOOLONG = 36
	ENOTEMPTY    = 39
)

// SuperBlock is the file system's header, 1024 bytes on disk (V6++
// SuperBlock).
type SuperBlock struct {
	s_isize  int32 // sectors of inodes
	s_fsize  int32 // sectors in the file system
	s_nfree  int32 // entries in s_free
	s_free   [NICFREE]int32
	s_ninode int32 // entries in s_inode
	s_inode  [NICINOD]int32
	s_flock  int32 // s_free is being refilled or spilled
	s_ilock  int32 // s_inode is being refilled
	s_fmod   int32 // modified: write it back
	s_ronly  int32
	s_time   int32
	padding  [47]int32
}

// DiskInode is an inode as stored, 64 bytes (V6++ DiskInode).
type DiskInode struct {
	d_mode  uint32
	d_nlink int32
	d_uid   int16
	d_gid   int16
	d_size  int32
	d_addr  [10]int32
	d_atime int32
	d_mtime int32
}

// FileSystem holds the mounted root (V6++ FileSystem with its one Mount).
type FileSystem struct {
	sb        SuperBlock
	mounted   bool
	updlock   bool
	rootInode *Inode
}

var FS FileSystem

// Mounted reports whether there is a file system (else exec uses the boot
// image).
func Mounted() bool { return FS.mounted }

// LoadSuperBlock reads the root file system's superblock and checks it
// (FileSystem::LoadSuperBlock). V6++ trusts the disk; we refuse a
// superblock that would make the kernel read or allocate outside the file
// system, with a message saying what is wrong, and boot without a file
// system.
func (fs *FileSystem) LoadSuperBlock() bool {
	if DiskTab.d_nblk == 0 {
		return false // no disk: the boot image has the programs
	}
	if DiskTab.d_nblk <= DATA_ZONE_START_SECTOR {
		println("fs: cannot mount the root file system: the disk has only", DiskTab.d_nblk, "sectors")
		return false
	}
	u := GetUser()
	sbp := uintptr(unsafe.Pointer(&fs.sb))
	for i := int32(0); i < 2; i++ {
		b := BufMgr.Bread(ROOTDEV, SUPER_BLOCK_SECTOR_NUMBER+i)
		failed := b.b_flags&B_ERROR != 0
		hw.CopyBytes(sbp+uintptr(i*BUFFER_SIZE), b.b_addr, BUFFER_SIZE)
		BufMgr.Brelse(b)
		if failed {
			println("fs: cannot mount the root file system: cannot read the superblock")
			u.u_error = 0
			return false
		}
	}
	sb := &fs.sb
	bad := ""
	switch {
	case sb.s_isize != INODE_ZONE_SIZE:
		bad = "s_isize is not 822"
	case sb.s_fsize <= DATA_ZONE_START_SECTOR || sb.s_fsize > DiskTab.d_nblk:
		bad = "s_fsize is outside the disk"
	case sb.s_nfree < 0 || sb.s_nfree > NICFREE:
		bad = "s_nfree out of range"
	case sb.s_ninode < 0 || sb.s_ninode > NICINOD:
		bad = "s_ninode out of range"
	}
	for i := int32(0); bad == "" && i < sb.s_nfree; i++ {
		bn := sb.s_free[i]
		if !(i == 0 && bn == 0) && (bn < DATA_ZONE_START_SECTOR || bn >= sb.s_fsize) {
			bad = "a block in s_free is outside the data zone"
		}
	}
	for i := int32(0); bad == "" && i < sb.s_ninode; i++ {
		if sb.s_inode[i] < ROOTINO || sb.s_inode[i] >= NINODES {
			bad = "an inode in s_inode is out of range"
		}
	}
	if bad != "" {
		println("fs: cannot mount the root file system: bad superblock:", bad)
		return false
	}
	sb.s_flock, sb.s_ilock, sb.s_ronly = 0, 0, 0
	fs.mounted = true
	ip := InodeTbl.IGet(ROOTDEV, ROOTINO)
	if ip == nil || ip.i_mode&IFMT != IFDIR || !rootDirOK(ip) {
		println("fs: cannot mount the root file system: inode 1 is not a directory starting with . and ..")
		if ip != nil {
			InodeTbl.IPut(ip)
		}
		fs.mounted = false
		u.u_error = 0
		return false
	}
	ip.Prele()
	fs.rootInode = ip
	return true
}

// rootDirOK checks that the root directory's first block can be read and
// starts with its "." entry, so that a damaged root is refused at mount
// rather than failing every path name later.
func rootDirOK(ip *Inode) bool {
	u := GetUser()
	if ip.i_size < 64 || ip.i_size%32 != 0 {
		return false
	}
	bn := ip.Bmap(0, false)
	if bn == 0 {
		u.u_error = 0
		return false
	}
	b := BufMgr.Bread(ROOTDEV, bn)
	d := (*DirectoryEntry)(unsafe.Pointer(b.b_addr))
	ok := b.b_flags&B_ERROR == 0 && d.m_ino == ROOTINO && d.m_name[0] == '.' && d.m_name[1] == 0
	BufMgr.Brelse(b)
	u.u_error = 0
	return ok
}

// BadBlock reports a block number outside the data zone, which only a
// damaged file system has (FileSystem::BadBlock): a message and EIO, never
// a panic.
func (fs *FileSystem) BadBlock(bn int32) bool {
	if bn >= DATA_ZONE_START_SECTOR && bn < fs.sb.s_fsize {
		return false
	}
	println("fs: bad block number", bn)
	GetUser().u_error = EIO
	return true
}

// Alloc takes a free block and returns its buffer, zeroed and busy
// (FileSystem::Alloc). s_free caches up to 100 free block numbers; the
// last one taken, s_free[0], is a block holding the next 100 (a count and
// the numbers), and 0 ends the chain. ENOSPC when the chain is empty.
func (fs *FileSystem) Alloc() *Buf {
	sb := &fs.sb
	p := GetUser().u_procp
	for sb.s_flock != 0 {
		p.Sleep(uintptr(unsafe.Pointer(&sb.s_flock)), PINOD)
	}
	if sb.s_nfree <= 0 {
		sb.s_nfree = 0
		GetUser().u_error = ENOSPC
		return nil
	}
	sb.s_nfree--
	bn := sb.s_free[sb.s_nfree]
	if bn == 0 {
		sb.s_nfree = 0
		GetUser().u_error = ENOSPC
		return nil
	}
	if fs.BadBlock(bn) {
		return nil
	}
	if sb.s_nfree <= 0 {
		// bn holds the next group: load it into s_free.
		sb.s_flock++
		b := BufMgr.Bread(ROOTDEV, bn)
		n := *(*int32)(unsafe.Pointer(b.b_addr))
		if b.b_flags&B_ERROR != 0 || n < 0 || n > NICFREE {
			println("fs: bad free-block group in block", bn)
			n = 0
		}
		sb.s_nfree = n
		hw.CopyBytes(uintptr(unsafe.Pointer(&sb.s_free)), b.b_addr+4, NICFREE*4)
		BufMgr.Brelse(b)
		sb.s_flock = 0
		ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(&sb.s_flock)))
	}
	b := BufMgr.GetBlk(ROOTDEV, bn)
	BufMgr.ClrBuf(b)
	sb.s_fmod = 1
	return b
}

// Free returns block bn to the free list (FileSystem::Free); a full s_free
// is spilled into bn itself, which becomes the head of the chain.
func (fs *FileSystem) Free(bn int32) {
	sb := &fs.sb
	p := GetUser().u_procp
	sb.s_fmod = 1
	for sb.s_flock != 0 {
		p.Sleep(uintptr(unsafe.Pointer(&sb.s_flock)), PINOD)
	}
	if fs.BadBlock(bn) {
		return
	}
	if sb.s_nfree <= 0 {
		sb.s_nfree = 1
		sb.s_free[0] = 0
	}
	if sb.s_nfree >= NICFREE {
		sb.s_flock++
		b := BufMgr.GetBlk(ROOTDEV, bn)
		*(*int32)(unsafe.Pointer(b.b_addr)) = sb.s_nfree
		hw.CopyBytes(b.b_addr+4, uintptr(unsafe.Pointer(&sb.s_free)), NICFREE*4)
		hw.FillBytes(b.b_addr+4+NICFREE*4, 0, BUFFER_SIZE-4-NICFREE*4)
		sb.s_nfree = 0
		BufMgr.Bwrite(b)
		sb.s_flock = 0
		ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(&sb.s_flock)))
	}
	sb.s_free[sb.s_nfree] = bn
	sb.s_nfree++
	sb.s_fmod = 1
}

// IAlloc allocates a free inode, returned locked and cleared
// (FileSystem::IAlloc). s_inode caches free inode numbers; when it is
// empty the inode zone is scanned for up to 100 more. V6++ numbers the
// scan from 0 and can hand out inode 0, which a directory entry cannot
// name (0 marks an empty entry); we start at 1.
func (fs *FileSystem) IAlloc() *Inode {
	sb := &fs.sb
	u := GetUser()
	for sb.s_ilock != 0 {
		u.u_procp.Sleep(uintptr(unsafe.Pointer(&sb.s_ilock)), PINOD)
	}
	for {
		if sb.s_ninode <= 0 {
			sb.s_ilock++
			for s := int32(0); s < INODE_ZONE_SIZE && sb.s_ninode < NICINOD; s++ {
				b := BufMgr.Bread(ROOTDEV, INODE_ZONE_START_SECTOR+s)
				if b.b_flags&B_ERROR != 0 {
					BufMgr.Brelse(b)
					break
				}
				for j := int32(0); j < INODE_NUMBER_PER_SECTOR && sb.s_ninode < NICINOD; j++ {
					ino := s*INODE_NUMBER_PER_SECTOR + j
					if ino < ROOTINO {
						continue
					}
					if *(*uint32)(unsafe.Pointer(b.b_addr + uintptr(j*64))) != 0 {
						continue
					}
					if InodeTbl.IsLoaded(ROOTDEV, ino) {
						continue
					}
					sb.s_inode[sb.s_ninode] = ino
					sb.s_ninode++
				}
				BufMgr.Brelse(b)
			}
			sb.s_ilock = 0
			ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(&sb.s_ilock)))
			if sb.s_ninode <= 0 {
				println("fs: out of inodes")
				u.u_error = ENOSPC
				return nil
			}
		}
		sb.s_ninode--
		ino := sb.s_inode[sb.s_ninode]
		ip := InodeTbl.IGet(ROOTDEV, ino)
		if ip == nil {
			return nil
		}
		if ip.i_mode == 0 {
			ip.Clean()
			sb.s_fmod = 1
			return ip
		}
		InodeTbl.IPut(ip) // in use after all: the cache was stale
	}
}

// IFree records inode ino as free (FileSystem::IFree); the inode itself
// was cleared by the caller.
func (fs *FileSystem) IFree(ino int32) {
	sb := &fs.sb
	if sb.s_ilock != 0 || sb.s_ninode >= NICINOD {
		return // the next scan finds it
	}
	sb.s_inode[sb.s_ninode] = ino
	sb.s_ninode++
	sb.s_fmod = 1
}

// Update writes everything modified back to the disk: the superblock,
// the inodes, the delayed-write buffers (FileSystem::Update, sync).
func (fs *FileSystem) Update() {
	if !fs.mounted {
		return
	}
	// One update at a time; a second waits rather than returning early
	// (V6 returns), so that sync and shutdown always find the disk
	// written when they return.
	for fs.updlock {
		GetUser().u_procp.Sleep(uintptr(unsafe.Pointer(&fs.updlock)), PRIBIO)
	}
	fs.updlock = true
	sb := &fs.sb
	if sb.s_fmod != 0 && sb.s_flock == 0 && sb.s_ilock == 0 {
		sb.s_fmod = 0
		sb.s_time = int32(bootTime + time_)
		sbp := uintptr(unsafe.Pointer(sb))
		for i := int32(0); i < 2; i++ {
			b := BufMgr.GetBlk(ROOTDEV, SUPER_BLOCK_SECTOR_NUMBER+i)
			hw.CopyBytes(b.b_addr, sbp+uintptr(i*BUFFER_SIZE), BUFFER_SIZE)
			BufMgr.Bwrite(b)
		}
	}
	InodeTbl.UpdateInodeTable()
	BufMgr.Bflush(NODEV)
	// Wait for the disk to finish: a shutdown right after sync must find
	// everything written (V6's sync only starts the writes).
	hw.Cli()
	for DiskTab.d_actf != nil {
		GetUser().u_procp.Sleep(uintptr(unsafe.Pointer(&DiskTab)), PRIBIO)
		hw.Cli()
	}
	hw.Sti()
	fs.updlock = false
	ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(&fs.updlock)))
}

// FlushSuper puts the superblock, if it changed, in its buffers as
// delayed writes, from the clock's periodic flush (ours: V6's update
// daemon ran sync every 30 seconds, which writes it). It cannot sleep:
// it gives up if a buffer is busy or an update is under way, and tries
// again next time. A power failure then finds a free list at most a few
// seconds old, not the one of the last sync.
func (fs *FileSystem) FlushSuper() {
	sb := &fs.sb
	if !fs.mounted || sb.s_fmod == 0 || sb.s_flock != 0 || sb.s_ilock != 0 || fs.updlock {
		return
	}
	b0 := BufMgr.GetBlkNoWait(ROOTDEV, SUPER_BLOCK_SECTOR_NUMBER)
	if b0 == nil {
		return
	}
	b1 := BufMgr.GetBlkNoWait(ROOTDEV, SUPER_BLOCK_SECTOR_NUMBER+1)
	if b1 == nil {
		BufMgr.Brelse(b0)
		return
	}
	sb.s_fmod = 0
	sb.s_time = int32(bootTime + time_)
	sbp := uintptr(unsafe.Pointer(sb))
	hw.CopyBytes(b0.b_addr, sbp, BUFFER_SIZE)
	hw.CopyBytes(b1.b_addr, sbp+BUFFER_SIZE, BUFFER_SIZE)
	BufMgr.Bdwrite(b0)
	BufMgr.Bdwrite(b1)
}

// Sync is the sync system call (SystemCall::Sys_Sync).
func Sync() {
	FS.Update()
	GetUser().u_ar0.eax = 0
}
