package fs

import (
	"fmt"
	"sort"
	"strings"
)

// Report is what Check found.
type Report struct {
	Problems []string // empty: the file system is consistent
	Files    int      // allocated inodes
	Dirs     int
	Used     int // data blocks in files (index blocks included)
	Free     int // data blocks on the free list
}

// OK reports a consistent file system.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

func (r *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d files (%d directories), %d blocks used, %d free\n", r.Files, r.Dirs, r.Used, r.Free)
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "  %s\n", p)
	}
	if r.OK() {
		b.WriteString("  clean\n")
	}
	return b.String()
}

// checker holds Check's state.
type checker struct {
	img    []byte
	fsize  int32
	r      *Report
	owner  map[int32]string // block -> who uses it
	refs   map[int]int      // inode -> directory entries naming it
	inodes map[int]Inode    // allocated inodes
	seen   map[int]bool     // directories walked
}

func (c *checker) problem(format string, args ...any) {
	if len(c.r.Problems) < 1000 {
		c.r.Problems = append(c.r.Problems, fmt.Sprintf(format, args...))
	}
}

// Check verifies an image (V6's fsck, checking only, never repairing): the
// superblock; every block used once, by one file or the free list, and
// every data block one of the two; every allocated inode named by
// directories exactly as often as its link count says; directories well
// formed, with . and .. right; sizes that match the blocks. Each problem
// says where, by inode, block and path.
func Check(img []byte) *Report {
	c := &checker{img: img, r: &Report{}, owner: map[int32]string{}, refs: map[int]int{},
		inodes: map[int]Inode{}, seen: map[int]bool{}}
	if len(img) < DataStart*SectorSize || len(img)%SectorSize != 0 {
		c.problem("image: %d bytes: not whole sectors, or smaller than the inode zone", len(img))
		return c.r
	}
	sectors := int32(len(img) / SectorSize)
	isize, fsize := sb(img, offIsize), sb(img, offFsize)
	nfree, ninode := sb(img, offNfree), sb(img, offNinode)
	switch {
	case isize != InodeZoneSize:
		c.problem("superblock: s_isize %d, want %d", isize, InodeZoneSize)
	case fsize <= DataStart || fsize > sectors:
		c.problem("superblock: s_fsize %d outside the data zone %d..%d", fsize, DataStart+1, sectors)
	case nfree < 0 || nfree > NICFREE:
		c.problem("superblock: s_nfree %d out of range 0..%d", nfree, NICFREE)
	case ninode < 0 || ninode > NICINOD:
		c.problem("superblock: s_ninode %d out of range 0..%d", ninode, NICINOD)
	}
	if !c.r.OK() {
		return c.r // nothing else can be trusted
	}
	c.fsize = fsize

	// Inodes and their blocks.
	for ino := 1; ino < NInodes; ino++ {
		in := getInode(img, ino)
		if in.Mode == 0 {
			continue
		}
		c.r.Files++
		c.inodes[ino] = in
		switch in.Mode & IFMT {
		case IFDIR:
			c.r.Dirs++
		case IFCHR, IFBLK:
			continue
		}
		if in.Mode&IALLOC == 0 {
			c.problem("inode %d: mode %#o without IALLOC", ino, in.Mode)
		}
		if in.Size < 0 || in.Size > MaxFileSize {
			c.problem("inode %d: size %d out of range", ino, in.Size)
			continue
		}
		last := -1 // the last logical block in use
		who := fmt.Sprintf("inode %d", ino)
		for slot := 0; slot < 10; slot++ {
			depth := 0
			base := slot
			if slot >= 8 {
				depth, base = 2, LargeBlocks+(slot-8)*PerIndex*PerIndex
			} else if slot >= SmallBlocks {
				depth, base = 1, SmallBlocks+(slot-SmallBlocks)*PerIndex
			}
			c.walk(who, in.Addr[slot], depth, base, &last)
		}
		if blocks := (int(in.Size) + SectorSize - 1) / SectorSize; last >= blocks {
			c.problem("inode %d: logical block %d in use beyond its size %d", ino, last, in.Size)
		}
	}
	if _, ok := c.inodes[RootIno]; !ok || c.inodes[RootIno].Mode&IFMT != IFDIR {
		c.problem("inode %d (the root): not an allocated directory", RootIno)
	} else {
		c.dir(RootIno, RootIno, "/")
	}

	// Link counts, and inodes no directory reaches.
	for ino, in := range c.inodes {
		if int(in.Nlink) != c.refs[ino] {
			if c.refs[ino] == 0 {
				c.problem("inode %d: allocated (mode %#o, %d links) but in no directory", ino, in.Mode, in.Nlink)
			} else {
				c.problem("inode %d: link count %d, but %d directory entries name it", ino, in.Nlink, c.refs[ino])
			}
		}
	}

	// The free list.
	var free [NICFREE]int32
	for i := range free {
		free[i] = sb(img, offFree+4*i)
	}
	where := "superblock"
	n := nfree
	for groups := 0; ; groups++ {
		if groups > int(fsize) {
			c.problem("free list: a loop")
			break
		}
		for i := n - 1; i >= 1; i-- {
			c.freeBlock(free[i], where)
		}
		if n <= 0 {
			break
		}
		next := free[0]
		if next == 0 {
			break
		}
		if !c.freeBlock(next, where) {
			break
		}
		n = word(img, next, 0)
		if n < 0 || n > NICFREE {
			c.problem("free list: block %d holds a count of %d", next, n)
			break
		}
		for i := range free {
			free[i] = word(img, next, i+1)
		}
		where = fmt.Sprintf("free-list block %d", next)
	}
	for i := int32(0); i < ninode; i++ {
		ino := int(sb(img, offInode+4*int(i)))
		if ino < 1 || ino >= NInodes {
			c.problem("superblock: s_inode[%d] = %d out of range", i, ino)
		} else if _, used := c.inodes[ino]; used {
			c.problem("superblock: s_inode[%d] = %d is in use", i, ino)
		}
	}

	// Every data block used once.
	missing := 0
	first := int32(0)
	for bn := int32(DataStart); bn < fsize; bn++ {
		if _, ok := c.owner[bn]; !ok {
			if missing == 0 {
				first = bn
			}
			missing++
		}
	}
	if missing > 0 {
		c.problem("%d blocks neither in a file nor free (the first: %d)", missing, first)
	}
	sort.Strings(c.r.Problems)
	return c.r
}

// walk records the blocks of one d_addr slot of the inode who names.
func (c *checker) walk(who string, bn int32, depth, lbn int, last *int) {
	if bn == 0 {
		return
	}
	if !c.use(bn, who) {
		return
	}
	if depth == 0 {
		*last = max(*last, lbn)
		return
	}
	span := 1
	if depth == 2 {
		span = PerIndex
	}
	for i := 0; i < PerIndex; i++ {
		c.walk(who, word(c.img, bn, i), depth-1, lbn+i*span, last)
	}
}

// use claims bn for who; false if it is out of range or taken.
func (c *checker) use(bn int32, who string) bool {
	if bn < DataStart || bn >= c.fsize {
		c.problem("%s: block %d outside the data zone", who, bn)
		return false
	}
	if prev, ok := c.owner[bn]; ok {
		c.problem("block %d: used by %s and by %s", bn, prev, who)
		return false
	}
	c.owner[bn] = who
	if strings.HasPrefix(who, "inode") {
		c.r.Used++
	} else {
		c.r.Free++
	}
	return true
}

func (c *checker) freeBlock(bn int32, where string) bool {
	return c.use(bn, "the free list ("+where+")")
}

// dir checks directory ino, reached as path from parent, and counts the
// references its entries make.
func (c *checker) dir(ino, parent int, path string) {
	if c.seen[ino] {
		c.problem("%s: directory inode %d reached twice", path, ino)
		return
	}
	c.seen[ino] = true
	in := c.inodes[ino]
	if in.Size%DirEntSize != 0 {
		c.problem("%s (inode %d): directory size %d is not a multiple of %d", path, ino, in.Size, DirEntSize)
	}
	data, err := c.read(in)
	if err != nil {
		c.problem("%s (inode %d): %v", path, ino, err)
		return
	}
	var subdirs []int
	var names []string
	for off := 0; off+DirEntSize <= len(data); off += DirEntSize {
		e := data[off : off+DirEntSize]
		child := int(le.Uint32(e))
		name := strings.TrimRight(string(e[4:]), "\x00")
		if child == 0 {
			continue
		}
		full := strings.TrimSuffix(path, "/") + "/" + name
		switch {
		case off == 0 && (name != "." || child != ino):
			c.problem("%s (inode %d): first entry is %q -> %d, want \".\" -> %d", path, ino, name, child, ino)
		case off == DirEntSize && (name != ".." || child != parent):
			c.problem("%s (inode %d): second entry is %q -> %d, want \"..\" -> %d", path, ino, name, child, parent)
		case off >= 2*DirEntSize && (name == "." || name == ".."):
			c.problem("%s (inode %d): extra %q entry", path, ino, name)
		case name == "" || strings.ContainsAny(name, "/\x00"):
			c.problem("%s (inode %d): bad name %q at offset %d", path, ino, name, off)
		}
		if child < 1 || child >= NInodes {
			c.problem("%s: inode number %d out of range", full, child)
			continue
		}
		cin, ok := c.inodes[child]
		if !ok {
			c.problem("%s: names free inode %d", full, child)
			continue
		}
		c.refs[child]++
		if off >= 2*DirEntSize && cin.Mode&IFMT == IFDIR && name != "." && name != ".." {
			subdirs = append(subdirs, child)
			names = append(names, full)
		}
	}
	if len(data) < 2*DirEntSize {
		c.problem("%s (inode %d): no . and .. entries", path, ino)
	}
	for i, d := range subdirs {
		c.dir(d, ino, names[i])
	}
}

// read returns a file's contents (holes read as zeroes).
func (c *checker) read(in Inode) ([]byte, error) {
	if in.Size < 0 || in.Size > MaxFileSize {
		return nil, fmt.Errorf("size %d out of range", in.Size)
	}
	data := make([]byte, in.Size)
	for lbn := 0; lbn*SectorSize < len(data); lbn++ {
		bn, err := mapBlock(c.img, c.fsize, &in, lbn)
		if err != nil {
			return nil, err
		}
		if bn != 0 {
			copy(data[lbn*SectorSize:], c.img[int(bn)*SectorSize:int(bn+1)*SectorSize])
		}
	}
	return data, nil
}

// mapBlock finds logical block lbn of in without allocating: 0 for a hole.
func mapBlock(img []byte, fsize int32, in *Inode, lbn int) (int32, error) {
	slot, path := blockPath(lbn)
	bn := in.Addr[slot]
	for _, i := range path {
		if bn == 0 {
			return 0, nil
		}
		if bn < DataStart || bn >= fsize {
			return 0, fmt.Errorf("index block %d outside the data zone", bn)
		}
		bn = word(img, bn, i)
	}
	if bn != 0 && (bn < DataStart || bn >= fsize) {
		return 0, fmt.Errorf("block %d outside the data zone", bn)
	}
	return bn, nil
}
