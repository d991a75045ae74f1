//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// Open files. Until the file system exists (issue 6) the only file is the
// console; the structure is V6++'s File so the rest can grow into it.

const (
	NOFILES = 15  // per process (OpenFiles::NOFILES)
	NFILE   = 100 // system-wide (OpenFileTable::NFILE)

	FREAD  = 0x1
	FWRITE = 0x2

	FTYPE_CONSOLE = 1
)

// File is an open file (V6++ File).
type File struct {
	f_flag   int32
	f_count  int32
	f_type   int32
	f_offset uint32
}

// FileTable is the system open-file table (V6++ OpenFileTable).
var FileTable [NFILE]File

// FAlloc takes a free file structure and the lowest free descriptor,
// returning the descriptor (OpenFileTable::FAlloc); -1 with u_error set if
// either is exhausted.
func FAlloc() (int32, *File) {
	u := GetUser()
	fd := int32(-1)
	for i := int32(0); i < NOFILES; i++ {
		if u.u_ofiles[i] == nil {
			fd = i
			break
		}
	}
	if fd < 0 {
		u.u_error = EMFILE
		return -1, nil
	}
	for i := 0; i < NFILE; i++ {
		f := &FileTable[i]
		if f.f_count == 0 {
			f.f_count = 1
			f.f_offset = 0
			u.u_ofiles[fd] = f
			return fd, f
		}
	}
	u.u_error = ENFILE
	return -1, nil
}

// GetF returns the open file of descriptor fd, or nil with EBADF.
func GetF(fd int32) *File {
	u := GetUser()
	if fd < 0 || fd >= NOFILES || u.u_ofiles[fd] == nil {
		u.u_error = EBADF
		return nil
	}
	return u.u_ofiles[fd]
}

// CloseF drops one reference to f (OpenFileTable::CloseF).
func CloseF(f *File) {
	f.f_count--
}

// Read and Write are the read and write system calls (FileManager::Read,
// Write): fd, user buffer, count; the byte count comes back in EAX.
func Read()  { rdwr(FREAD) }
func Write() { rdwr(FWRITE) }

func rdwr(mode int32) {
	u := GetUser()
	f := GetF(u.u_arg[0])
	if f == nil {
		return
	}
	if f.f_flag&mode == 0 {
		u.u_error = EBADF
		return
	}
	buf, n := uintptr(u.u_arg[1]), u.u_arg[2]
	if n < 0 {
		u.u_error = EINVAL
		return
	}
	if !userRange(buf, uint32(n), mode == FREAD) {
		u.u_error = EFAULT
		return
	}
	if mode == FWRITE {
		u.u_ar0.eax = uint32(ConsoleWrite(buf, n))
	} else {
		u.u_ar0.eax = uint32(ConsoleRead(buf, n))
	}
}

// Close is the close system call.
func Close() {
	u := GetUser()
	fd := u.u_arg[0]
	f := GetF(fd)
	if f == nil {
		return
	}
	u.u_ofiles[fd] = nil
	CloseF(f)
	u.u_ar0.eax = 0 // V6++ leaves the call number in EAX; C expects 0
}

// Dup is the dup system call: the lowest free descriptor shares fd's file.
func Dup() {
	u := GetUser()
	f := GetF(u.u_arg[0])
	if f == nil {
		return
	}
	for i := int32(0); i < NOFILES; i++ {
		if u.u_ofiles[i] == nil {
			u.u_ofiles[i] = f
			f.f_count++
			u.u_ar0.eax = uint32(i)
			return
		}
	}
	u.u_error = EMFILE
}

// Dup2 makes descriptor u_arg[1] share u_arg[0]'s file, closing what it
// had (ours; V6++ has no dup2).
func Dup2() {
	u := GetUser()
	fd, nfd := u.u_arg[0], u.u_arg[1]
	f := GetF(fd)
	if f == nil {
		return
	}
	if nfd < 0 || nfd >= NOFILES {
		u.u_error = EBADF
		return
	}
	if nfd != fd {
		if old := u.u_ofiles[nfd]; old != nil {
			CloseF(old)
		}
		u.u_ofiles[nfd] = f
		f.f_count++
	}
	u.u_ar0.eax = uint32(nfd)
}

// OpenConsole gives the running process descriptors 0, 1 and 2 on the
// console (V6++ main opens /dev/tty1 for process 1).
func OpenConsole() {
	u := GetUser()
	_, f := FAlloc()
	f.f_flag = FREAD | FWRITE
	f.f_type = FTYPE_CONSOLE
	for fd := 1; fd <= 2; fd++ {
		u.u_ofiles[fd] = f
		f.f_count++
	}
}

// The console: output goes straight to the device, a byte at a time, and
// never sleeps (as V6++'s tty writes to video memory). Input arrives by
// interrupt into a line buffer; a read sleeps at TTIPRI until a whole line
// (or end of file, ^D) is there.

const CANBSIZ = 256

var (
	conBuf   [CANBSIZ]byte
	conHead  int32 // next byte to read
	conTail  int32 // next byte to fill
	conLines int32 // complete lines (or EOFs) buffered
)

// ConsoleWrite writes n bytes from user address buf.
func ConsoleWrite(buf uintptr, n int32) int32 {
	for i := int32(0); i < n; i++ {
		hw.OutB(PORT_CON_DATA, *(*byte)(unsafe.Pointer(buf + uintptr(i))))
	}
	return n
}

// ConsoleRead reads up to n bytes of one line into user address buf; at
// end of file (^D at the start of a line) it returns 0.
func ConsoleRead(buf uintptr, n int32) int32 {
	hw.Cli()
	for conLines == 0 {
		GetUser().u_procp.Sleep(uintptr(unsafe.Pointer(&conLines)), TTIPRI)
		hw.Cli()
	}
	got := int32(0)
	for got < n && conHead != conTail {
		c := conBuf[conHead%CANBSIZ]
		conHead++
		if c == 4 { // ^D: end of file, ends the read
			conLines--
			break
		}
		*(*byte)(unsafe.Pointer(buf + uintptr(got))) = c
		got++
		if c == '\n' {
			conLines--
			break
		}
	}
	hw.Sti()
	return got
}

// ConsoleInterrupt takes a received byte (line 1): echo, erase (^H/DEL),
// and wake readers when a line is complete.
func ConsoleInterrupt(regs *PtRegs, ctx *PtContext) {
	for hw.InB(PORT_CON_STAT)&1 != 0 {
		c := hw.InB(PORT_CON_DATA)
		if c == '\r' {
			c = '\n'
		}
		switch {
		case c == 8 || c == 127:
			if conTail > conHead {
				last := conBuf[(conTail-1)%CANBSIZ]
				if last != '\n' && last != 4 {
					conTail--
					hw.OutB(PORT_CON_DATA, 8)
					hw.OutB(PORT_CON_DATA, ' ')
					hw.OutB(PORT_CON_DATA, 8)
				}
			}
		case conTail-conHead < CANBSIZ-1:
			conBuf[conTail%CANBSIZ] = c
			conTail++
			if c == '\n' || c == 4 {
				conLines++
				ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(&conLines)))
			}
			if c != 4 {
				hw.OutB(PORT_CON_DATA, c)
			}
		}
	}
	hw.OutB(PORT_PIC_EOI, 0)
}
