//go:build unix

package explore

import (
	"os"
	"syscall"
)

// mapMemory maps n zero bytes from the host kernel, which zeroes each page
// when the run first touches it: a run of a small program touches a few
// hundred pages of its 32 MiB.
func mapMemory(n int) ([]byte, func()) {
	b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, func() {}
	}
	return b, func() { syscall.Munmap(b) }
}

// diskImage holds a disk image in an unlinked temporary file, so that each
// run can map a private copy: pages are shared until a run writes them.
type diskImage struct {
	f   *os.File
	img []byte
}

func newDiskImage(img []byte) *diskImage {
	d := &diskImage{img: img}
	f, err := os.CreateTemp("", "v6vm-disk-*")
	if err != nil {
		return d
	}
	os.Remove(f.Name())
	if _, err := f.Write(img); err != nil {
		f.Close()
		return d
	}
	d.f = f
	return d
}

// copy is a private, writable copy of the image and what releases it.
func (d *diskImage) copy() ([]byte, func()) {
	if d.f != nil && len(d.img) > 0 {
		b, err := syscall.Mmap(int(d.f.Fd()), 0, len(d.img), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE)
		if err == nil {
			return b, func() { syscall.Munmap(b) }
		}
	}
	return append([]byte(nil), d.img...), func() {}
}
