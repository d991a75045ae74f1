package fs

import (
	"fmt"
	"strings"
)

// Image reads files of a disk image, for tests and tools: what the kernel
// wrote, seen from the host.
type Image struct {
	img   []byte
	fsize int32
}

// Open checks the superblock enough to read img.
func Open(img []byte) (*Image, error) {
	if len(img) < DataStart*SectorSize || len(img)%SectorSize != 0 {
		return nil, fmt.Errorf("fs: %d bytes is not a file system image", len(img))
	}
	fsize := sb(img, offFsize)
	if sb(img, offIsize) != InodeZoneSize || fsize <= DataStart || int(fsize) > len(img)/SectorSize {
		return nil, fmt.Errorf("fs: bad superblock")
	}
	return &Image{img: img, fsize: fsize}, nil
}

// Stat returns the inode number and inode of path.
func (m *Image) Stat(path string) (int, Inode, error) {
	ino := RootIno
	in := getInode(m.img, ino)
	for _, name := range strings.Split(strings.Trim(path, "/"), "/") {
		if name == "" {
			continue
		}
		if in.Mode&IFMT != IFDIR {
			return 0, Inode{}, fmt.Errorf("%s: not a directory on the way", path)
		}
		ents, err := m.entries(&in)
		if err != nil {
			return 0, Inode{}, fmt.Errorf("%s: %v", path, err)
		}
		next, ok := ents[name]
		if !ok {
			return 0, Inode{}, fmt.Errorf("%s: no such file", path)
		}
		if next < 1 || next >= NInodes {
			return 0, Inode{}, fmt.Errorf("%s: bad inode number %d", path, next)
		}
		ino, in = next, getInode(m.img, next)
	}
	return ino, in, nil
}

// ReadFile returns the contents of path.
func (m *Image) ReadFile(path string) ([]byte, error) {
	_, in, err := m.Stat(path)
	if err != nil {
		return nil, err
	}
	c := &checker{img: m.img, fsize: m.fsize}
	return c.read(in)
}

// ReadDir returns the names in directory path (without . and ..).
func (m *Image) ReadDir(path string) ([]string, error) {
	_, in, err := m.Stat(path)
	if err != nil {
		return nil, err
	}
	if in.Mode&IFMT != IFDIR {
		return nil, fmt.Errorf("%s: not a directory", path)
	}
	c := &checker{img: m.img, fsize: m.fsize}
	data, err := c.read(in)
	if err != nil {
		return nil, err
	}
	var names []string
	for off := 0; off+DirEntSize <= len(data); off += DirEntSize {
		if le.Uint32(data[off:]) == 0 {
			continue
		}
		name := strings.TrimRight(string(data[off+4:off+DirEntSize]), "\x00")
		if name != "." && name != ".." {
			names = append(names, name)
		}
	}
	return names, nil
}

func (m *Image) entries(in *Inode) (map[string]int, error) {
	c := &checker{img: m.img, fsize: m.fsize}
	data, err := c.read(*in)
	if err != nil {
		return nil, err
	}
	ents := map[string]int{}
	for off := 0; off+DirEntSize <= len(data); off += DirEntSize {
		if ino := int(le.Uint32(data[off:])); ino != 0 {
			ents[strings.TrimRight(string(data[off+4:off+DirEntSize]), "\x00")] = ino
		}
	}
	return ents, nil
}
