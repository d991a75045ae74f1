// Package fs writes and checks disk images in V6++'s file-system layout,
// the one the kernel mounts (kernel/fs.go, kernel/inode.go): Mkfs formats
// an image holding given files, Check is fsck, and Open reads files back
// for tests. It is a host tool, like V6's mkfs and fsck: the kernel never
// calls it.
//
// The layout, in 512-byte sectors: 200-201 the superblock, 202-1023 the
// inodes (64 bytes each, 8 a sector; inode 0 is never used, the root is
// 1), data blocks from 1024 to s_fsize. A file's d_addr holds 6 direct
// blocks, 2 single-indirect and 2 double-indirect ones (128 numbers an
// index block). Free blocks are cached 100 at a time in the superblock;
// s_free[0] names a block holding the next count and 100 numbers, and 0
// ends the chain.
package fs

import "encoding/binary"

// Layout constants (V6++ FileSystem.h, INode.h).
const (
	SectorSize      = 512
	SuperSector     = 200
	InodeStart      = 202
	InodeZoneSize   = 1024 - 202
	InodesPerSector = SectorSize / InodeSize
	InodeSize       = 64
	DataStart       = 1024
	NInodes         = InodeZoneSize * InodesPerSector
	RootIno         = 1
	NICFREE         = 100
	NICINOD         = 100
	DirEntSize      = 32
	DirSiz          = 28
	PerIndex        = SectorSize / 4

	SmallBlocks = 6
	LargeBlocks = SmallBlocks + 2*PerIndex
	HugeBlocks  = LargeBlocks + 2*PerIndex*PerIndex
	MaxFileSize = HugeBlocks * SectorSize

	// DefaultSize is the image size v6vm uses unless told otherwise.
	DefaultSize = 8 << 20
)

// Inode mode bits (V6++ Inode::INodeFlag).
const (
	IALLOC = 0x8000
	IFMT   = 0x6000
	IFDIR  = 0x4000
	IFCHR  = 0x2000
	IFBLK  = 0x6000
	ILARG  = 0x1000
)

// Superblock field offsets (V6++ SuperBlock, 1024 bytes).
const (
	offIsize  = 0
	offFsize  = 4
	offNfree  = 8
	offFree   = 12
	offNinode = offFree + NICFREE*4
	offInode  = offNinode + 4
	offFlock  = offInode + NICINOD*4
	offIlock  = offFlock + 4
	offFmod   = offIlock + 4
	offRonly  = offFmod + 4
	offTime   = offRonly + 4
)

var le = binary.LittleEndian

// Inode is a disk inode (V6++ DiskInode).
type Inode struct {
	Mode  uint32
	Nlink int32
	Uid   int16
	Gid   int16
	Size  int32
	Addr  [10]int32
	Atime int32
	Mtime int32
}

func inodeOffset(ino int) int {
	return (InodeStart+ino/InodesPerSector)*SectorSize + ino%InodesPerSector*InodeSize
}

func getInode(img []byte, ino int) Inode {
	b := img[inodeOffset(ino):]
	var in Inode
	in.Mode = le.Uint32(b[0:])
	in.Nlink = int32(le.Uint32(b[4:]))
	in.Uid = int16(le.Uint16(b[8:]))
	in.Gid = int16(le.Uint16(b[10:]))
	in.Size = int32(le.Uint32(b[12:]))
	for i := range in.Addr {
		in.Addr[i] = int32(le.Uint32(b[16+4*i:]))
	}
	in.Atime = int32(le.Uint32(b[56:]))
	in.Mtime = int32(le.Uint32(b[60:]))
	return in
}

func putInode(img []byte, ino int, in *Inode) {
	b := img[inodeOffset(ino):]
	le.PutUint32(b[0:], in.Mode)
	le.PutUint32(b[4:], uint32(in.Nlink))
	le.PutUint16(b[8:], uint16(in.Uid))
	le.PutUint16(b[10:], uint16(in.Gid))
	le.PutUint32(b[12:], uint32(in.Size))
	for i := range in.Addr {
		le.PutUint32(b[16+4*i:], uint32(in.Addr[i]))
	}
	le.PutUint32(b[56:], uint32(in.Atime))
	le.PutUint32(b[60:], uint32(in.Mtime))
}

func sb(img []byte, off int) int32 { return int32(le.Uint32(img[SuperSector*SectorSize+off:])) }

func setSB(img []byte, off int, v int32) { le.PutUint32(img[SuperSector*SectorSize+off:], uint32(v)) }

func word(img []byte, block int32, i int) int32 {
	return int32(le.Uint32(img[int(block)*SectorSize+4*i:]))
}

func setWord(img []byte, block int32, i int, v int32) {
	le.PutUint32(img[int(block)*SectorSize+4*i:], uint32(v))
}
