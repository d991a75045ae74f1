//go:build v6vm

package kernel

import (
	"unsafe"
)

// Open files (V6++ File, OpenFileTable, FileManager). A file is an inode
// opened for reading and/or writing with an offset, one end of a pipe, or
// — before and without a file system — the console itself (no inode).

const (
	NOFILES = 15  // per process (OpenFiles::NOFILES)
	NFILE   = 100 // system-wide (OpenFileTable::NFILE)

	FREAD   = 0x1
	FWRITE  = 0x2
	FPIPE   = 0x4
	FAPPEND = 0x8 // ours: O_APPEND, every write at the end

	PIPSIZ = 4096 // bytes a pipe holds (V6++ Inode::PIPSIZ)

	// open(2) flags, Linux values as <fcntl.h> (V6++'s open takes only
	// FREAD/FWRITE; the rest are ours).
	O_ACCMODE = 3
	O_CREAT   = 0100
	O_EXCL    = 0200
	O_TRUNC   = 01000
	O_APPEND  = 02000

	// Major device numbers of character devices (V6++ DeviceManager).
	MAJOR_TTY = 0
)

// File is an open file (V6++ File).
type File struct {
	f_flag   int32
	f_count  int32
	f_inode  *Inode // nil: the console opened at boot
	f_offset int32
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
			f.f_flag = 0
			f.f_inode = nil
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

// CloseF drops one reference to f (OpenFileTable::CloseF); the last one
// wakes a pipe's other end and releases the inode.
func CloseF(f *File) {
	if f.f_count <= 1 {
		ip := f.f_inode
		if ip != nil {
			ip.NLock()
			if f.f_flag&FPIPE != 0 {
				ip.i_mode &^= IREAD | IWRITE
			}
			InodeTbl.IPut(ip)
		}
		// Wake the other end only now that i_count says this end is
		// gone: NLock may sleep, and V6++'s order (wake, then release)
		// let a reader look, find the writer still counted and sleep
		// for good.
		if f.f_flag&FPIPE != 0 {
			ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(ip)) + 1)
			ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(ip)) + 2)
		}
	}
	f.f_count--
}

// Read and Write are the read and write system calls (FileManager::Read,
// Write): fd, user buffer, count; the byte count comes back in EAX.
func Read()  { rdwr(FREAD) }
func Write() { rdwr(FWRITE) }

// rdwr is FileManager::Rdwr.
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
	ip := f.f_inode
	if ip == nil {
		if mode == FWRITE {
			u.u_ar0.eax = uint32(ConsoleWrite(buf, n))
		} else {
			u.u_ar0.eax = uint32(ConsoleRead(buf, n))
		}
		return
	}
	io := &u.u_IOParam
	io.m_Base = buf
	io.m_Count = n
	if f.f_flag&FPIPE != 0 {
		if mode == FREAD {
			ReadP(f)
		} else {
			WriteP(f)
		}
	} else {
		dev := ip.i_mode&IFMT == IFCHR
		if !dev {
			ip.NLock()
		}
		io.m_Offset = f.f_offset
		if mode == FWRITE && f.f_flag&FAPPEND != 0 && !dev {
			io.m_Offset = ip.i_size
		}
		if mode == FREAD {
			ip.ReadI()
		} else {
			ip.WriteI()
		}
		if !dev {
			f.f_offset = io.m_Offset
			ip.Prele()
		}
	}
	done := n - io.m_Count
	// A write that ran out of room or size after some bytes reports the
	// bytes, as POSIX; the next write gets the error (V6++ loses the count).
	if done > 0 && (u.u_error == ENOSPC || u.u_error == EFBIG) {
		u.u_error = 0
	}
	u.u_ar0.eax = uint32(done)
}

// CdevRead and CdevWrite are the character-device switch (V6++
// DeviceManager's CharDevice table): the device number in a special
// file's i_addr[0] picks the driver. The transfer is u_IOParam's.
func CdevRead(dev int32) {
	u := GetUser()
	io := &u.u_IOParam
	if dev>>8 != MAJOR_TTY {
		u.u_error = ENXIO
		return
	}
	got := ConsoleRead(io.m_Base, io.m_Count)
	io.m_Base += uintptr(got)
	io.m_Count -= got
}

func CdevWrite(dev int32) {
	u := GetUser()
	io := &u.u_IOParam
	if dev>>8 != MAJOR_TTY {
		u.u_error = ENXIO
		return
	}
	put := ConsoleWrite(io.m_Base, io.m_Count)
	io.m_Base += uintptr(put)
	io.m_Count -= put
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
		f.f_count++ // before closing the old one, which may sleep
		if old := u.u_ofiles[nfd]; old != nil {
			u.u_ofiles[nfd] = nil
			CloseF(old)
		}
		u.u_ofiles[nfd] = f
	}
	u.u_ar0.eax = uint32(nfd)
}

// OpenConsole gives the running process descriptors 0, 1 and 2 on the
// console (V6++ main opens /dev/tty1 for process 1; we open the device
// itself, which works with or without a file system).
func OpenConsole() {
	u := GetUser()
	_, f := FAlloc()
	f.f_flag = FREAD | FWRITE
	for fd := 1; fd <= 2; fd++ {
		u.u_ofiles[fd] = f
		f.f_count++
	}
}

// Seek is lseek(fd, offset, whence) (FileManager::Seek, which has V6's
// whence 3-5 counting in blocks; ours is lseek's 0-2). It returns the new
// offset; a pipe or the console cannot seek.
func Seek() {
	u := GetUser()
	f := GetF(u.u_arg[0])
	if f == nil {
		return
	}
	if f.f_flag&FPIPE != 0 || f.f_inode == nil || f.f_inode.i_mode&IFMT == IFCHR {
		u.u_error = ESPIPE
		return
	}
	off := u.u_arg[1]
	switch u.u_arg[2] {
	case 0:
	case 1:
		off += f.f_offset
	case 2:
		off += f.f_inode.i_size
	default:
		u.u_error = EINVAL
		return
	}
	if off < 0 {
		u.u_error = EINVAL
		return
	}
	f.f_offset = off
	u.u_ar0.eax = uint32(off)
}

// Pipe is pipe(fd[2]) (FileManager::Pipe): an inode with no name holds the
// data, a file reads it and another writes it. V6++ returns the two
// descriptors in EAX and EDX for the library to store; our call stores
// them itself.
func Pipe() {
	u := GetUser()
	if !Mounted() {
		u.u_error = ENFILE // pipes live on the root file system
		return
	}
	ip := FS.IAlloc()
	if ip == nil {
		return
	}
	rfd, rf := FAlloc()
	if rf == nil {
		ip.i_nlink = 0
		InodeTbl.IPut(ip)
		return
	}
	wfd, wf := FAlloc()
	if wf == nil {
		u.u_ofiles[rfd] = nil
		rf.f_count = 0
		ip.i_nlink = 0
		InodeTbl.IPut(ip)
		return
	}
	fds := [2]int32{rfd, wfd}
	if !CopyOut(uintptr(u.u_arg[0]), uintptr(unsafe.Pointer(&fds)), 8) {
		u.u_ofiles[rfd], u.u_ofiles[wfd] = nil, nil
		rf.f_count, wf.f_count = 0, 0
		ip.i_nlink = 0
		InodeTbl.IPut(ip)
		return
	}
	rf.f_flag = FREAD | FPIPE
	rf.f_inode = ip
	wf.f_flag = FWRITE | FPIPE
	wf.f_inode = ip
	ip.i_count = 2
	ip.i_flag = IACC | IUPD
	ip.i_mode = IALLOC
	ip.i_nlink = 0 // no directory names it: freed with its last reference
	ip.Prele()
	u.u_ar0.eax = 0
}

// ReadP reads from a pipe (FileManager::ReadP): it sleeps at PPIPE while
// the pipe is empty and a writer remains; with no writer left, end of
// file. When the reader has caught up, both offsets go back to 0.
func ReadP(f *File) {
	u := GetUser()
	ip := f.f_inode
	io := &u.u_IOParam
	for {
		ip.NLock()
		if f.f_offset == ip.i_size {
			if f.f_offset != 0 {
				f.f_offset = 0
				ip.i_size = 0
				if ip.i_mode&IWRITE != 0 {
					ip.i_mode &^= IWRITE
					ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(ip)) + 1)
				}
			}
			ip.Prele()
			if ip.i_count < 2 {
				return // no writer: end of file
			}
			ip.i_mode |= IREAD
			u.u_procp.Sleep(uintptr(unsafe.Pointer(ip))+2, PPIPE)
			continue
		}
		io.m_Offset = f.f_offset
		ip.ReadI()
		f.f_offset = io.m_Offset
		ip.Prele()
		return
	}
}

// WriteP writes to a pipe (FileManager::WriteP), PIPSIZ bytes at most at
// a time, sleeping at PPIPE while it is full. With no reader left the
// writer gets SIGPIPE and EPIPE.
func WriteP(f *File) {
	u := GetUser()
	ip := f.f_inode
	io := &u.u_IOParam
	count := io.m_Count
	for {
		ip.NLock()
		if count == 0 {
			ip.Prele()
			io.m_Count = 0
			return
		}
		if ip.i_count < 2 {
			ip.Prele()
			io.m_Count = count
			u.u_error = EPIPE
			u.u_procp.PSignal(SIGPIPE)
			return
		}
		if ip.i_size == PIPSIZ {
			ip.i_mode |= IWRITE
			ip.Prele()
			io.m_Count = count
			u.u_procp.Sleep(uintptr(unsafe.Pointer(ip))+1, PPIPE)
			continue
		}
		io.m_Offset = ip.i_size
		n := count
		if n > PIPSIZ-io.m_Offset {
			n = PIPSIZ - io.m_Offset
		}
		io.m_Count = n
		count -= n
		ip.WriteI()
		count += io.m_Count // what WriteI could not write (ENOSPC)
		ip.Prele()
		if ip.i_mode&IREAD != 0 {
			ip.i_mode &^= IREAD
			ProcMgr.WakeUpAll(uintptr(unsafe.Pointer(ip)) + 2)
		}
		if u.u_error != 0 {
			io.m_Count = count
			return
		}
	}
}
