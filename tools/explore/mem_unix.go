//go:build unix

package explore

import "syscall"

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
