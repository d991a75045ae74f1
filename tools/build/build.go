// Package build is the system build: it compiles the kernel (Go subset and
// assembly) and the user programs, and lays out the boot image, from a
// source tree given as an fs.FS (the repository, or the copy embedded in
// the v6vm command).
package build

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"v6vm/asm"
	"v6vm/tools/kgo"
	"v6vm/v6vm/exe"
)

// Where the kernel lives (kernel/param.go has the same numbers).
const (
	KernelText = 0xC0100000 // link address
	KernelLoad = 0x100000   // physical load address
	BootImage  = 0x300000   // physical address of the boot image
	BootMax    = 0x3FF000 - BootImage
	UserText   = 0x1000 // where user programs are linked
)

// Kernel compiles kernel/*.go with kgo and assembles the result with
// kernel/*.s into the kernel executable.
func Kernel(src fs.FS) (*exe.File, error) {
	var goFiles []kgo.File
	var srcs []asm.Source
	entries, err := fs.ReadDir(src, "kernel")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := fs.ReadFile(src, path.Join("kernel", name))
		if err != nil {
			return nil, err
		}
		switch path.Ext(name) {
		case ".go":
			goFiles = append(goFiles, kgo.File{Name: path.Join("kernel", name), Text: string(b)})
		case ".s":
			srcs = append(srcs, asm.Source{Name: path.Join("kernel", name), Text: b})
		}
	}
	out, err := kgo.Compile(goFiles)
	if err != nil {
		return nil, err
	}
	srcs = append([]asm.Source{{Name: "kernel.s", Text: []byte(out.Asm)}}, srcs...)
	return asm.Assemble(srcs, asm.Options{TextAddr: KernelText, LoadAddr: KernelLoad, Entry: "_start"})
}

// UserAsm assembles a user program from assembly sources, linked with the
// system-call stubs.
func UserAsm(src fs.FS, srcs ...asm.Source) (*exe.File, error) {
	stubs, err := fs.ReadFile(src, "userland/lib/syscalls.s")
	if err != nil {
		return nil, err
	}
	all := append(append([]asm.Source{}, srcs...), asm.Source{Name: "userland/lib/syscalls.s", Text: stubs})
	return asm.Assemble(all, asm.Options{TextAddr: UserText, Entry: "_start"})
}

// BootFile is one program in the boot image.
type BootFile struct {
	Name string // its path, e.g. "/init"
	Exe  *exe.File
}

// BootConfig is what the kernel finds in the boot image: the machine's
// memory size and clock, init's command line, and the programs.
type BootConfig struct {
	MemSize    uint32
	TickPeriod uint32 // instructions per clock tick
	TickJitter uint32
	COW        bool // fork copies on write (the kernel's cow.go)
	NoEcho     bool // the console does not echo its input (the kernel's tty.go)
	Cmdline    string
	Files      []BootFile
}

// Layout of the boot image (kernel/boot.go).
const (
	bootMagic    = 0x49423656 // "V6BI"
	bootNameLen  = 28
	bootMaxFiles = 32
	bootHeader   = 24 + 128 + bootMaxFiles*(bootNameLen+8)
)

// Bytes lays out the boot image.
func (c BootConfig) Bytes() ([]byte, error) {
	if len(c.Files) > bootMaxFiles {
		return nil, fmt.Errorf("boot image: %d programs, at most %d fit", len(c.Files), bootMaxFiles)
	}
	if len(c.Cmdline) >= 128 {
		return nil, fmt.Errorf("boot image: command line of %d bytes, at most 127 fit", len(c.Cmdline))
	}
	b := make([]byte, bootHeader)
	le := binary.LittleEndian
	le.PutUint32(b[0:], bootMagic)
	le.PutUint32(b[4:], c.MemSize)
	le.PutUint32(b[8:], c.TickPeriod)
	le.PutUint32(b[12:], c.TickJitter)
	flags := uint32(0)
	if c.COW {
		flags |= 1 // BOOT_COW
	}
	if c.NoEcho {
		flags |= 2 // BOOT_NOECHO
	}
	le.PutUint32(b[16:], flags)
	le.PutUint32(b[20:], uint32(len(c.Files)))
	copy(b[24:], c.Cmdline)
	files := append([]BootFile(nil), c.Files...)
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	for i, f := range files {
		if len(f.Name) >= bootNameLen {
			return nil, fmt.Errorf("boot image: name %q is longer than %d bytes", f.Name, bootNameLen-1)
		}
		for len(b)%16 != 0 {
			b = append(b, 0)
		}
		data := f.Exe.Marshal()
		at := 152 + i*(bootNameLen+8)
		copy(b[at:], f.Name)
		le.PutUint32(b[at+bootNameLen:], uint32(len(b)))
		le.PutUint32(b[at+bootNameLen+4:], uint32(len(data)))
		b = append(b, data...)
	}
	if len(b) > BootMax {
		return nil, fmt.Errorf("boot image: %d bytes, at most %d fit below process 0's ppda", len(b), BootMax)
	}
	return b, nil
}
