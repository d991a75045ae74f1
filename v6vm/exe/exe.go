// Package exe reads and writes v6vm executables: the kernel image the machine
// boots and the user programs the kernel execs.
//
// # Layout
//
// All fields are little-endian uint32.
//
//	offset  field
//	0       magic "V6VX"
//	4       version (1)
//	8       entry      virtual address of the first instruction
//	12      textAddr   virtual address of text
//	16      textSize
//	20      dataAddr   virtual address of data (bss follows it)
//	24      dataSize
//	28      bssSize
//	32      loadAddr   physical address the machine loads text at when it
//	                   boots the file (data goes to loadAddr+dataAddr-textAddr)
//	36      symOff, 40 symCount     symbols, 16 bytes each
//	44      lineOff, 48 lineCount   line table, 12 bytes each
//	52      strOff, 56 strSize      NUL-terminated names
//	60      reserved (0)
//	64      text bytes, then data bytes
//
// A symbol is {nameOff, value, size, kind:8 global:8 pad:16}. A line entry is
// {addr, fileNameOff, line}; entries are sorted by address and each covers the
// addresses up to the next one (line 0: no source line).
package exe

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
)

// Magic opens every executable.
const Magic = "V6VX"

// Version is the format version this package reads and writes.
const Version = 1

// HeaderSize is the size of the fixed header.
const HeaderSize = 64

const (
	symSize  = 16
	lineSize = 12
)

// SymKind says what a symbol names.
type SymKind uint8

const (
	SymFunc   SymKind = 1 // code: a function or an assembly routine
	SymObject SymKind = 2 // data or bss
	SymLabel  SymKind = 3 // a label inside code
	SymAbs    SymKind = 4 // an absolute value (.equ)
)

// Sym is one symbol.
type Sym struct {
	Name   string
	Value  uint32
	Size   uint32
	Kind   SymKind
	Global bool
}

// Line maps the addresses from Addr up to the next entry to a source line.
type Line struct {
	Addr uint32
	File string
	Line int
}

// File is an executable in memory.
type File struct {
	Entry    uint32
	TextAddr uint32
	DataAddr uint32
	BssSize  uint32
	LoadAddr uint32
	Text     []byte
	Data     []byte
	Syms     []Sym  // sorted by Value
	Lines    []Line // sorted by Addr
}

// An Error says what is wrong with an executable and at which byte offset.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return fmt.Sprintf("executable: offset 0x%x: %s", e.Offset, e.Msg) }

func errorf(off int, format string, args ...any) error {
	return &Error{off, fmt.Sprintf(format, args...)}
}

// Parse decodes an executable, checking every offset and size, so that a
// truncated or corrupt file gives an error naming the offset, never a panic.
func Parse(b []byte) (*File, error) {
	if len(b) < HeaderSize {
		return nil, errorf(len(b), "file is %d bytes, shorter than the %d-byte header", len(b), HeaderSize)
	}
	if string(b[:4]) != Magic {
		return nil, errorf(0, "bad magic %q (not a v6vm executable)", b[:4])
	}
	u := func(off int) uint32 { return binary.LittleEndian.Uint32(b[off:]) }
	if v := u(4); v != Version {
		return nil, errorf(4, "version %d, this reader knows version %d", v, Version)
	}
	f := &File{Entry: u(8), TextAddr: u(12), DataAddr: u(20), BssSize: u(28), LoadAddr: u(32)}
	textSize, dataSize := u(16), u(24)
	// section checks the region [off, off+n*size) lies in the file.
	section := func(field int, off, n, size uint32, what string) error {
		end := uint64(off) + uint64(n)*uint64(size)
		if end > uint64(len(b)) || (n > 0 && off < HeaderSize) {
			return errorf(field, "%s at 0x%x (%d bytes) lies outside the %d-byte file", what, off, uint64(n)*uint64(size), len(b))
		}
		return nil
	}
	if err := section(16, HeaderSize, textSize, 1, "text"); err != nil {
		return nil, err
	}
	if err := section(24, HeaderSize+textSize, dataSize, 1, "data"); err != nil {
		return nil, err
	}
	if uint64(f.TextAddr)+uint64(textSize) > 1<<32 {
		return nil, errorf(12, "text 0x%x+0x%x wraps past the 4 GiB address space", f.TextAddr, textSize)
	}
	if uint64(f.DataAddr)+uint64(dataSize)+uint64(f.BssSize) > 1<<32 {
		return nil, errorf(20, "data 0x%x+0x%x+0x%x wraps past the 4 GiB address space", f.DataAddr, dataSize, f.BssSize)
	}
	if dataSize+f.BssSize > 0 && textSize > 0 && f.DataAddr < f.TextAddr+textSize && f.TextAddr < f.DataAddr+dataSize+f.BssSize {
		return nil, errorf(20, "data 0x%x overlaps text 0x%x-0x%x", f.DataAddr, f.TextAddr, f.TextAddr+textSize)
	}
	f.Text = b[HeaderSize : HeaderSize+textSize]
	f.Data = b[HeaderSize+textSize : HeaderSize+textSize+dataSize]

	symOff, symCount := u(36), u(40)
	lineOff, lineCount := u(44), u(48)
	strOff, strSize := u(52), u(56)
	if err := section(36, symOff, symCount, symSize, "symbol table"); err != nil {
		return nil, err
	}
	if err := section(44, lineOff, lineCount, lineSize, "line table"); err != nil {
		return nil, err
	}
	if err := section(52, strOff, strSize, 1, "string table"); err != nil {
		return nil, err
	}
	strs := b[strOff : strOff+strSize]
	str := func(at int, off uint32) (string, error) {
		if off >= strSize {
			return "", errorf(at, "name offset 0x%x outside the %d-byte string table", off, strSize)
		}
		n := bytes.IndexByte(strs[off:], 0)
		if n < 0 {
			return "", errorf(at, "name at string offset 0x%x is not NUL-terminated", off)
		}
		return string(strs[off : off+uint32(n)]), nil
	}
	f.Syms = make([]Sym, 0, min(symCount, 1<<20))
	for i := uint32(0); i < symCount; i++ {
		at := int(symOff + i*symSize)
		name, err := str(at, u(at))
		if err != nil {
			return nil, err
		}
		kind := SymKind(b[at+12])
		if kind < SymFunc || kind > SymAbs {
			return nil, errorf(at+12, "symbol %q has unknown kind %d", name, kind)
		}
		f.Syms = append(f.Syms, Sym{Name: name, Value: u(at + 4), Size: u(at + 8), Kind: kind, Global: b[at+13] != 0})
	}
	sort.SliceStable(f.Syms, func(i, j int) bool { return f.Syms[i].Value < f.Syms[j].Value })
	f.Lines = make([]Line, 0, min(lineCount, 1<<20))
	for i := uint32(0); i < lineCount; i++ {
		at := int(lineOff + i*lineSize)
		file, err := str(at+4, u(at+4))
		if err != nil {
			return nil, err
		}
		l := Line{Addr: u(at), File: file, Line: int(u(at + 8))}
		if i > 0 && l.Addr < f.Lines[i-1].Addr {
			return nil, errorf(at, "line table not sorted: 0x%x after 0x%x", l.Addr, f.Lines[i-1].Addr)
		}
		f.Lines = append(f.Lines, l)
	}
	return f, nil
}

// Marshal encodes the executable.
func (f *File) Marshal() []byte {
	var strs []byte
	strIndex := map[string]uint32{}
	intern := func(s string) uint32 {
		if off, ok := strIndex[s]; ok {
			return off
		}
		off := uint32(len(strs))
		strs = append(append(strs, s...), 0)
		strIndex[s] = off
		return off
	}
	symOff := uint32(HeaderSize + len(f.Text) + len(f.Data))
	lineOff := symOff + uint32(len(f.Syms))*symSize
	strOff := lineOff + uint32(len(f.Lines))*lineSize

	b := make([]byte, HeaderSize, int(strOff)+64)
	copy(b, Magic)
	put := func(off int, v uint32) { binary.LittleEndian.PutUint32(b[off:], v) }
	put(4, Version)
	put(8, f.Entry)
	put(12, f.TextAddr)
	put(16, uint32(len(f.Text)))
	put(20, f.DataAddr)
	put(24, uint32(len(f.Data)))
	put(28, f.BssSize)
	put(32, f.LoadAddr)
	put(36, symOff)
	put(40, uint32(len(f.Syms)))
	put(44, lineOff)
	put(48, uint32(len(f.Lines)))
	put(52, strOff)
	b = append(b, f.Text...)
	b = append(b, f.Data...)
	le := binary.LittleEndian
	for _, s := range f.Syms {
		b = le.AppendUint32(b, intern(s.Name))
		b = le.AppendUint32(b, s.Value)
		b = le.AppendUint32(b, s.Size)
		g := byte(0)
		if s.Global {
			g = 1
		}
		b = append(b, byte(s.Kind), g, 0, 0)
	}
	for _, l := range f.Lines {
		b = le.AppendUint32(b, l.Addr)
		b = le.AppendUint32(b, intern(l.File))
		b = le.AppendUint32(b, uint32(l.Line))
	}
	binary.LittleEndian.PutUint32(b[56:], uint32(len(strs)))
	return append(b, strs...)
}

// Lookup finds a symbol by name, preferring a global one.
func (f *File) Lookup(name string) (Sym, bool) {
	var found Sym
	ok := false
	for _, s := range f.Syms {
		if s.Name == name && (!ok || s.Global && !found.Global) {
			found, ok = s, true
		}
	}
	return found, ok
}

// SymbolAt names the function or object holding addr: the symbol with the
// largest value not above addr (functions and objects only; labels and
// absolute values name no region). ok is false when addr is outside every
// sized symbol and beyond the last one.
func (f *File) SymbolAt(addr uint32) (s Sym, off uint32, ok bool) {
	i := sort.Search(len(f.Syms), func(i int) bool { return f.Syms[i].Value > addr })
	for i--; i >= 0; i-- {
		c := f.Syms[i]
		if c.Kind != SymFunc && c.Kind != SymObject {
			continue
		}
		if c.Size != 0 && addr-c.Value >= c.Size {
			return Sym{}, 0, false
		}
		return c, addr - c.Value, true
	}
	return Sym{}, 0, false
}

// Symbolize names addr as "sym" or "sym+0x10", or returns "". A label at
// exactly addr ("Swtch.loop") is preferred to an offset into its function.
func (f *File) Symbolize(addr uint32) string {
	i := sort.Search(len(f.Syms), func(i int) bool { return f.Syms[i].Value >= addr })
	for ; i < len(f.Syms) && f.Syms[i].Value == addr; i++ {
		if f.Syms[i].Kind == SymLabel {
			return f.Syms[i].Name
		}
	}
	s, off, ok := f.SymbolAt(addr)
	if !ok {
		return ""
	}
	if off == 0 {
		return s.Name
	}
	return fmt.Sprintf("%s+0x%x", s.Name, off)
}

// LineAt gives the source line of the instruction at addr.
func (f *File) LineAt(addr uint32) (file string, line int, ok bool) {
	i := sort.Search(len(f.Lines), func(i int) bool { return f.Lines[i].Addr > addr })
	if i == 0 {
		return "", 0, false
	}
	l := f.Lines[i-1]
	if l.Line == 0 {
		return "", 0, false
	}
	return l.File, l.Line, true
}

// ImageSize is the number of bytes text, data and bss span from TextAddr.
func (f *File) ImageSize() uint32 {
	return f.DataAddr + uint32(len(f.Data)) + f.BssSize - f.TextAddr
}
