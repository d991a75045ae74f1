//go:build v6vm

package kernel

import "unsafe"

// The boot image: what the loader (the system build) places at BOOT_IMAGE
// before the machine starts, until the kernel has a file system to load
// programs from — the machine's configuration for the kernel (memory size,
// clock period, init's command line) and a table of executables.

const (
	BOOT_MAGIC  = 0x49423656 // "V6BI"
	BOOT_COW    = 1          // flags: fork copies on write (cow.go)
	BOOT_NOECHO = 2          // the console does not echo its input: a file, not a keyboard (tty.go)
	NBOOTFILE   = 32
)

// BootFile is one executable in the boot image.
type BootFile struct {
	name   [28]byte
	offset uint32 // from the start of the boot image
	size   uint32
}

// BootImage is the header at BOOT_IMAGE.
type BootImage struct {
	magic      uint32
	memSize    uint32 // bytes of physical memory
	tickPeriod uint32 // instructions per clock tick
	tickJitter uint32 // up to this many more, drawn from the seed
	flags      uint32
	nfiles     uint32
	cmdline    [128]byte // init's argv, separated by spaces
	files      [NBOOTFILE]BootFile
}

func bootImage() *BootImage { return (*BootImage)(unsafe.Pointer(PhysToVirt(BOOT_IMAGE))) }

// bootLookup finds the executable called name (a NUL-terminated kernel
// buffer); it returns its index, or -1.
func bootLookup(name *[128]byte) int32 {
	bi := bootImage()
	if bi.magic != BOOT_MAGIC {
		return -1
	}
	for i := uint32(0); i < bi.nfiles && i < NBOOTFILE; i++ {
		f := &bi.files[i]
		j := 0
		for j < len(f.name) && f.name[j] != 0 && f.name[j] == name[j] {
			j++
		}
		if (j == len(f.name) || f.name[j] == 0) && name[j] == 0 {
			return int32(i)
		}
	}
	return -1
}
