package fs

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// File is one thing Mkfs puts in the image.
type File struct {
	Path string // absolute: "/bin/ls"
	Data []byte // a regular file's contents
	Mode uint32 // permission bits, with IFDIR or IFCHR for those types (0: 0644 file)
	Dev  int32  // a device's number (major<<8 | minor)
}

// TTY is the console's special file, /dev/tty (major 0).
var TTY = File{Path: "/dev/tty", Mode: IFCHR | 0666}

// builder lays out an image.
type builder struct {
	img      []byte
	fsize    int32
	next     int32 // next data block to hand out
	nextIno  int
	dirs     map[string]int // directory path -> inode
	entries  map[int][]dirent
	parent   map[int]int
	nlink    map[int]int32
	inodes   map[int]*Inode
	inoOrder []int
}

type dirent struct {
	name string
	ino  int
}

// Mkfs formats an image of size bytes (whole sectors; at least enough for
// the inode zone and some data) holding files, with directories made as
// their paths need. Blocks are laid out in order from the start of the
// data zone; the rest goes on the free list so that the kernel allocates
// upwards from there.
func Mkfs(size int, files []File) ([]byte, error) {
	sectors := size / SectorSize
	if sectors < DataStart+16 {
		return nil, fmt.Errorf("mkfs: %d bytes is too small: the data zone starts at sector %d", size, DataStart)
	}
	if sectors > 1<<30 {
		return nil, fmt.Errorf("mkfs: %d bytes is too large", size)
	}
	b := &builder{
		img: make([]byte, sectors*SectorSize), fsize: int32(sectors), next: DataStart, nextIno: RootIno,
		dirs: map[string]int{}, entries: map[int][]dirent{}, parent: map[int]int{},
		nlink: map[int]int32{}, inodes: map[int]*Inode{},
	}
	root := b.newInode(IALLOC | IFDIR | 0755)
	b.dirs["/"] = root
	b.parent[root] = root
	b.nlink[root]++ // the root's ".." is itself
	for _, f := range files {
		if err := b.add(f); err != nil {
			return nil, err
		}
	}
	// Directories last: their contents are known now.
	var dirPaths []string
	for p := range b.dirs {
		dirPaths = append(dirPaths, p)
	}
	sort.Strings(dirPaths)
	for _, p := range dirPaths {
		ino := b.dirs[p]
		data := make([]byte, 0, (len(b.entries[ino])+2)*DirEntSize)
		data = appendEntry(data, ".", ino)
		data = appendEntry(data, "..", b.parent[ino])
		for _, e := range b.entries[ino] {
			data = appendEntry(data, e.name, e.ino)
		}
		if err := b.write(b.inodes[ino], data); err != nil {
			return nil, err
		}
	}
	for _, ino := range b.inoOrder {
		in := b.inodes[ino]
		in.Nlink = b.nlink[ino]
		putInode(b.img, ino, in)
	}
	// The free list, built by freeing from the top down as the kernel's
	// Free would: the lowest free block ends up first in s_free.
	setSB(b.img, offIsize, InodeZoneSize)
	setSB(b.img, offFsize, b.fsize)
	nfree := int32(0)
	var free [NICFREE]int32
	for bn := b.fsize - 1; bn >= b.next; bn-- {
		if nfree <= 0 {
			nfree = 1
			free[0] = 0
		}
		if nfree >= NICFREE {
			setWord(b.img, bn, 0, nfree)
			for i := 0; i < NICFREE; i++ {
				setWord(b.img, bn, i+1, free[i])
			}
			nfree = 0
		}
		free[nfree] = bn
		nfree++
	}
	setSB(b.img, offNfree, nfree)
	for i := 0; i < NICFREE; i++ {
		setSB(b.img, offFree+4*i, free[i])
	}
	return b.img, nil
}

func appendEntry(data []byte, name string, ino int) []byte {
	var e [DirEntSize]byte
	le.PutUint32(e[:], uint32(ino))
	copy(e[4:], name)
	return append(data, e[:]...)
}

func (b *builder) newInode(mode uint32) int {
	ino := b.nextIno
	b.nextIno++
	b.inodes[ino] = &Inode{Mode: mode}
	b.inoOrder = append(b.inoOrder, ino)
	if mode&IFMT == IFDIR {
		b.nlink[ino] = 1 // its "." (its entry in the parent adds one)
	}
	return ino
}

// dir returns the inode of directory p, making it and its parents.
func (b *builder) dir(p string) (int, error) {
	if ino, ok := b.dirs[p]; ok {
		return ino, nil
	}
	parent, err := b.dir(path.Dir(p))
	if err != nil {
		return 0, err
	}
	if b.nextIno >= NInodes {
		return 0, fmt.Errorf("mkfs: out of inodes at %s", p)
	}
	ino := b.newInode(IALLOC | IFDIR | 0755)
	if err := b.enter(parent, path.Base(p), ino); err != nil {
		return 0, err
	}
	b.dirs[p] = ino
	b.parent[ino] = parent
	b.nlink[parent]++ // the new directory's ".."
	return ino, nil
}

func (b *builder) enter(dir int, name string, ino int) error {
	if len(name) >= DirSiz || name == "" || strings.Contains(name, "/") {
		return fmt.Errorf("mkfs: bad name %q (at most %d bytes, no slash)", name, DirSiz-1)
	}
	for _, e := range b.entries[dir] {
		if e.name == name {
			return fmt.Errorf("mkfs: %s twice", name)
		}
	}
	b.entries[dir] = append(b.entries[dir], dirent{name, ino})
	b.nlink[ino]++
	return nil
}

func (b *builder) add(f File) error {
	p := path.Clean(f.Path)
	if !path.IsAbs(p) || p == "/" {
		return fmt.Errorf("mkfs: path %q: want an absolute file path", f.Path)
	}
	mode := f.Mode
	if mode == 0 {
		mode = 0644
	}
	if mode&IFMT == IFDIR {
		_, err := b.dir(p)
		return err
	}
	parent, err := b.dir(path.Dir(p))
	if err != nil {
		return err
	}
	if b.nextIno >= NInodes {
		return fmt.Errorf("mkfs: out of inodes at %s", p)
	}
	ino := b.newInode(IALLOC | mode&(IFMT|0777))
	if err := b.enter(parent, path.Base(p), ino); err != nil {
		return err
	}
	in := b.inodes[ino]
	if mode&IFMT == IFCHR || mode&IFMT == IFBLK {
		in.Addr[0] = f.Dev
		return nil
	}
	return b.write(in, f.Data)
}

func (b *builder) alloc() (int32, error) {
	if b.next >= b.fsize {
		return 0, fmt.Errorf("mkfs: the files do not fit in %d sectors", b.fsize)
	}
	bn := b.next
	b.next++
	return bn, nil
}

// write stores data as in's contents.
func (b *builder) write(in *Inode, data []byte) error {
	if len(data) > MaxFileSize {
		return fmt.Errorf("mkfs: a file of %d bytes; at most %d fit", len(data), MaxFileSize)
	}
	for lbn := 0; lbn*SectorSize < len(data); lbn++ {
		bn, err := b.bmap(in, lbn)
		if err != nil {
			return err
		}
		copy(b.img[int(bn)*SectorSize:int(bn+1)*SectorSize], data[lbn*SectorSize:])
	}
	in.Size = int32(len(data))
	return nil
}

// bmap returns the block of logical block lbn, allocating what is missing
// (the kernel's Inode::Bmap).
func (b *builder) bmap(in *Inode, lbn int) (int32, error) {
	slot, path := blockPath(lbn)
	if in.Addr[slot] == 0 {
		bn, err := b.alloc()
		if err != nil {
			return 0, err
		}
		in.Addr[slot] = bn
	}
	bn := in.Addr[slot]
	for _, i := range path {
		next := word(b.img, bn, i)
		if next == 0 {
			var err error
			if next, err = b.alloc(); err != nil {
				return 0, err
			}
			setWord(b.img, bn, i, next)
		}
		bn = next
	}
	return bn, nil
}

// blockPath says where logical block lbn is: the d_addr slot, then the
// index in each index block on the way.
func blockPath(lbn int) (int, []int) {
	switch {
	case lbn < SmallBlocks:
		return lbn, nil
	case lbn < LargeBlocks:
		r := lbn - SmallBlocks
		return SmallBlocks + r/PerIndex, []int{r % PerIndex}
	default:
		r := lbn - LargeBlocks
		return 8 + r/(PerIndex*PerIndex), []int{r % (PerIndex * PerIndex) / PerIndex, r % PerIndex}
	}
}
