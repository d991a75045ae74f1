//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// Path names and the system calls on them (V6++ FileManager: NameI, Open,
// Creat, MakNode, WriteDir, Link, UnLink, ChDir, MkNod, Stat).

const (
	DIRSIZ  = 28 // bytes of a name in a directory entry
	MAXPATH = 128

	// NameI's modes (FileManager::DirectorySearchMode).
	OPEN   = 0
	CREATE = 1
	DELETE = 2
)

// DirectoryEntry is a directory entry, 32 bytes (V6++ DirectoryEntry).
type DirectoryEntry struct {
	m_ino  int32
	m_name [DIRSIZ]byte
}

// NameI looks path up (FileManager::NameI) and returns its inode,
// referenced and locked, or nil. With CREATE, a missing last component
// gives nil with no error and leaves the directory to create it in locked
// in u_pdir, its name in u_dbuf and u_IOParam.m_Offset at a free entry;
// an existing one is returned. With DELETE, the *parent* is returned
// locked, with the entry in u_dent and m_Offset just past it.
func NameI(path *[MAXPATH]byte, mode int32) *Inode {
	u := GetUser()
	if !Mounted() {
		u.u_error = ENOENT
		return nil
	}
	if path[0] == 0 {
		u.u_error = ENOENT // POSIX; V6 gives the current directory
		return nil
	}
	i := 0
	ip := u.u_cdir
	if path[0] == '/' || ip == nil {
		ip = FS.rootInode
	}
	ip = InodeTbl.IGet(ip.i_dev, ip.i_number)
	if ip == nil {
		return nil
	}
	for path[i] == '/' {
		i++
	}
	if path[i] == 0 && mode != OPEN {
		u.u_error = ENOENT
		InodeTbl.IPut(ip)
		return nil
	}
	for {
		if u.u_error != 0 {
			InodeTbl.IPut(ip)
			return nil
		}
		if path[i] == 0 {
			return ip
		}
		if ip.i_mode&IFMT != IFDIR {
			u.u_error = ENOTDIR
			InodeTbl.IPut(ip)
			return nil
		}
		// The next component into u_dbuf, NUL-padded.
		n := 0
		for path[i] != '/' && path[i] != 0 {
			if n < DIRSIZ {
				u.u_dbuf[n] = path[i]
				n++
			}
			i++
		}
		for j := n; j < DIRSIZ; j++ {
			u.u_dbuf[j] = 0
		}
		for path[i] == '/' {
			i++
		}
		last := path[i] == 0
		first := *(*uint32)(unsafe.Pointer(&u.u_dbuf))

		// Search the directory.
		io := &u.u_IOParam
		io.m_Offset = 0
		io.m_Count = ip.i_size / 32
		freeOffset := int32(-1)
		var b *Buf
		found := false
		for io.m_Count > 0 {
			if io.m_Offset%BUFFER_SIZE == 0 {
				if b != nil {
					BufMgr.Brelse(b)
					b = nil
				}
				bn := ip.Bmap(io.m_Offset/BUFFER_SIZE, false)
				if bn == 0 {
					if u.u_error == 0 {
						u.u_error = EIO // a directory has no holes
					}
					break
				}
				b = BufMgr.Bread(ip.i_dev, bn)
				if b.b_flags&B_ERROR != 0 {
					break
				}
			}
			// V6++ copies every entry into u_dent; we compare each in
			// the buffer, a word at a time, and copy only the match.
			e := (*DirectoryEntry)(unsafe.Pointer(b.b_addr + uintptr(io.m_Offset%BUFFER_SIZE)))
			io.m_Offset += 32
			io.m_Count--
			if e.m_ino == 0 {
				if freeOffset < 0 {
					freeOffset = io.m_Offset - 32
				}
				continue
			}
			if *(*uint32)(unsafe.Pointer(&e.m_name)) == first && sameName(&e.m_name, &u.u_dbuf) {
				u.u_dent = *e
				found = true
				break
			}
		}
		if b != nil {
			BufMgr.Brelse(b)
		}
		if u.u_error != 0 {
			InodeTbl.IPut(ip)
			return nil
		}
		if !found {
			if mode == CREATE && last {
				u.u_pdir = ip
				if freeOffset >= 0 {
					io.m_Offset = freeOffset
				} // else m_Offset is the end: the directory grows
				return nil
			}
			u.u_error = ENOENT
			InodeTbl.IPut(ip)
			return nil
		}
		if mode == DELETE && last {
			return ip
		}
		ino := u.u_dent.m_ino
		if ino == ip.i_number {
			continue // "." (IGet would wait for our own lock)
		}
		dev := ip.i_dev
		InodeTbl.IPut(ip)
		ip = InodeTbl.IGet(dev, ino)
		if ip == nil {
			return nil
		}
	}
}

// sameName reports whether two directory entry names are equal.
func sameName(a, b *[DIRSIZ]byte) bool {
	x := (*[DIRSIZ / 4]uint32)(unsafe.Pointer(a))
	y := (*[DIRSIZ / 4]uint32)(unsafe.Pointer(b))
	for i := 0; i < DIRSIZ/4; i++ {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// getPath copies the user's path argument in; false with EFAULT or
// ENAMETOOLONG.
func getPath(path *[MAXPATH]byte, arg int32) bool {
	return CopyInString(path, uintptr(arg))
}

// WriteDir adds the entry u_dbuf -> ip to the directory u_pdir at
// u_IOParam.m_Offset, then releases u_pdir (FileManager::WriteDir).
func WriteDir(ip *Inode) {
	u := GetUser()
	writeEntry(u.u_pdir, u.u_IOParam.m_Offset, ip.i_number, &u.u_dbuf)
	InodeTbl.IPut(u.u_pdir)
}

// writeEntry writes the directory entry name -> ino at offset of dp.
func writeEntry(dp *Inode, offset, ino int32, name *[DIRSIZ]byte) {
	u := GetUser()
	u.u_dent.m_ino = ino
	for i := 0; i < DIRSIZ; i++ {
		u.u_dent.m_name[i] = name[i]
	}
	io := &u.u_IOParam
	io.m_Offset = offset
	io.m_Count = 32
	io.m_Base = uintptr(unsafe.Pointer(&u.u_dent))
	dp.WriteI()
}

// MakNode allocates an inode of mode and enters it in u_pdir under
// u_dbuf (FileManager::MakNode). It returns it locked, or nil; u_pdir is
// released either way.
func MakNode(mode uint32) *Inode {
	u := GetUser()
	ip := FS.IAlloc()
	if ip == nil {
		InodeTbl.IPut(u.u_pdir)
		return nil
	}
	ip.i_flag |= IACC | IUPD
	ip.i_mode = mode | IALLOC
	ip.i_nlink = 1
	ip.i_uid = u.u_uid
	ip.i_gid = u.u_gid
	WriteDir(ip)
	if u.u_error != 0 { // the directory could not grow
		ip.i_nlink = 0
		InodeTbl.IPut(ip)
		return nil
	}
	return ip
}

// Open is open(path, flags, mode) (FileManager::Open, with O_CREAT,
// O_EXCL, O_TRUNC and O_APPEND added: V6++ opens existing files only).
func Open() {
	u := GetUser()
	var path [MAXPATH]byte
	if !getPath(&path, u.u_arg[0]) {
		return
	}
	openFile(&path, u.u_arg[1], uint32(u.u_arg[2]))
}

// Creat is creat(path, mode) (FileManager::Creat): open for writing,
// created or truncated.
func Creat() {
	u := GetUser()
	var path [MAXPATH]byte
	if !getPath(&path, u.u_arg[0]) {
		return
	}
	openFile(&path, O_CREAT|O_TRUNC|1, uint32(u.u_arg[1]))
}

func openFile(path *[MAXPATH]byte, flags int32, perm uint32) {
	u := GetUser()
	acc := flags & O_ACCMODE
	if acc == 3 {
		u.u_error = EINVAL
		return
	}
	mode := acc + 1 // O_RDONLY 0, O_WRONLY 1, O_RDWR 2 -> FREAD, FWRITE, both
	var ip *Inode
	trf := int32(0)
	if flags&O_CREAT != 0 {
		ip = NameI(path, CREATE)
		if ip == nil {
			if u.u_error != 0 {
				return
			}
			ip = MakNode(perm & 0777)
			if ip == nil {
				return
			}
			trf = 2
		} else if flags&O_EXCL != 0 {
			u.u_error = EEXIST
			InodeTbl.IPut(ip)
			return
		}
	} else {
		ip = NameI(path, OPEN)
		if ip == nil {
			return
		}
	}
	if trf == 0 && flags&O_TRUNC != 0 && mode&FWRITE != 0 {
		trf = 1
	}
	Open1(ip, mode, trf)
	if u.u_error == 0 && flags&O_APPEND != 0 {
		u.u_ofiles[u.u_ar0.eax].f_flag |= FAPPEND
	}
}

// Open1 finishes open and creat (FileManager::Open1): checks, truncation
// (trf 1), then a file structure and descriptor, returned in EAX. ip is
// locked; it stays referenced by the file, unlocked.
func Open1(ip *Inode, mode, trf int32) {
	u := GetUser()
	if trf != 2 && mode&FWRITE != 0 && ip.i_mode&IFMT == IFDIR {
		u.u_error = EISDIR
	}
	if mode&FWRITE != 0 && ip.i_flag&ITEXT != 0 {
		u.u_error = ETXTBSY // a running program's text is read from it (V6 openi)
	}
	if u.u_error != 0 {
		InodeTbl.IPut(ip)
		return
	}
	if trf == 1 && ip.i_mode&IFMT != IFCHR {
		ip.ITrunc()
	}
	ip.Prele()
	fd, f := FAlloc()
	if f == nil {
		ip.NLock()
		InodeTbl.IPut(ip)
		return
	}
	f.f_flag = mode & (FREAD | FWRITE)
	f.f_inode = ip
	u.u_ar0.eax = uint32(fd)
}

// Link is link(old, new) (FileManager::Link). Directories cannot be
// linked (V6 lets root do it, which can make loops fsck cannot undo).
func Link() {
	u := GetUser()
	var path [MAXPATH]byte
	if !getPath(&path, u.u_arg[0]) {
		return
	}
	ip := NameI(&path, OPEN)
	if ip == nil {
		return
	}
	if ip.i_mode&IFMT == IFDIR {
		u.u_error = EPERM
		InodeTbl.IPut(ip)
		return
	}
	ip.i_nlink++
	ip.i_flag |= IUPD
	ip.IUpdate(int32(bootTime + time_))
	ip.Prele()
	if getPath(&path, u.u_arg[1]) {
		np := NameI(&path, CREATE)
		if np != nil {
			u.u_error = EEXIST
			InodeTbl.IPut(np)
		} else if u.u_error == 0 {
			WriteDir(ip)
		}
	}
	ip.NLock()
	if u.u_error != 0 {
		ip.i_nlink--
		ip.i_flag |= IUPD
	} else {
		u.u_ar0.eax = 0
	}
	InodeTbl.IPut(ip)
}

// UnLink is unlink(path) (FileManager::UnLink): clear the entry, drop a
// link. Directories are refused with EISDIR, as Linux (V6 lets root
// unlink them, leaving their . and .. behind).
func UnLink() {
	u := GetUser()
	var path [MAXPATH]byte
	if !getPath(&path, u.u_arg[0]) {
		return
	}
	dp := NameI(&path, DELETE)
	if dp == nil {
		return
	}
	if u.u_dent.m_ino == dp.i_number {
		u.u_error = EISDIR // "." names a directory
		InodeTbl.IPut(dp)
		return
	}
	ip := InodeTbl.IGet(dp.i_dev, u.u_dent.m_ino)
	if ip == nil {
		InodeTbl.IPut(dp)
		return
	}
	if ip.i_mode&IFMT == IFDIR {
		u.u_error = EISDIR
		InodeTbl.IPut(ip)
		InodeTbl.IPut(dp)
		return
	}
	var zero [DIRSIZ]byte
	writeEntry(dp, u.u_IOParam.m_Offset-32, 0, &zero)
	if u.u_error == 0 {
		ip.i_nlink--
		ip.i_flag |= IUPD
		u.u_ar0.eax = 0
	}
	InodeTbl.IPut(ip)
	InodeTbl.IPut(dp)
}

// ChDir is chdir(path) (FileManager::ChDir).
func ChDir() {
	u := GetUser()
	var path [MAXPATH]byte
	if !getPath(&path, u.u_arg[0]) {
		return
	}
	ip := NameI(&path, OPEN)
	if ip == nil {
		return
	}
	if ip.i_mode&IFMT != IFDIR {
		u.u_error = ENOTDIR
		InodeTbl.IPut(ip)
		return
	}
	ip.Prele()
	if old := u.u_cdir; old != nil {
		old.NLock()
		InodeTbl.IPut(old)
	}
	u.u_cdir = ip
	u.u_ar0.eax = 0
}

// MkNod is mknod(path, mode, dev) (FileManager::MkNod): any inode, a
// device's number in i_addr[0]. mode carries the type in V6++'s bits
// (IFCHR 0x2000, IFDIR 0x4000), which are also POSIX's S_IFCHR/S_IFDIR.
func MkNod() {
	u := GetUser()
	var path [MAXPATH]byte
	if !getPath(&path, u.u_arg[0]) {
		return
	}
	if u.u_uid != 0 {
		u.u_error = EPERM
		return
	}
	ip := NameI(&path, CREATE)
	if ip != nil {
		u.u_error = EEXIST
		InodeTbl.IPut(ip)
		return
	}
	if u.u_error != 0 {
		return
	}
	mode := uint32(u.u_arg[1]) & (IFMT | 0777)
	if mode&IFMT == IFDIR {
		// A directory without . and .. (V6's mkdir program linked them
		// as root; we refuse links to directories): use mkdir.
		u.u_error = EINVAL
		InodeTbl.IPut(u.u_pdir)
		return
	}
	ip = MakNode(mode)
	if ip == nil {
		return
	}
	if t := mode & IFMT; t == IFCHR || t == IFBLK {
		ip.i_addr[0] = u.u_arg[2]
	}
	InodeTbl.IPut(ip)
	u.u_ar0.eax = 0
}

// MkDir is mkdir(path, mode) (ours: V6's mkdir is a set-uid program doing
// mknod and two links). The new directory gets . and .., its parent one
// more link; if anything fails nothing is left behind.
func MkDir() {
	u := GetUser()
	var path [MAXPATH]byte
	if !getPath(&path, u.u_arg[0]) {
		return
	}
	ip := NameI(&path, CREATE)
	if ip != nil {
		u.u_error = EEXIST
		InodeTbl.IPut(ip)
		return
	}
	if u.u_error != 0 {
		return
	}
	dp := u.u_pdir
	offset := u.u_IOParam.m_Offset
	var name [DIRSIZ]byte
	for i := 0; i < DIRSIZ; i++ {
		name[i] = u.u_dbuf[i]
	}
	ip = FS.IAlloc()
	if ip == nil {
		InodeTbl.IPut(dp)
		return
	}
	ip.i_flag |= IACC | IUPD
	ip.i_mode = IALLOC | IFDIR | uint32(u.u_arg[1])&0777
	ip.i_nlink = 2
	var dot [DIRSIZ]byte
	dot[0] = '.'
	writeEntry(ip, 0, ip.i_number, &dot)
	dot[1] = '.'
	if u.u_error == 0 {
		writeEntry(ip, 32, dp.i_number, &dot)
	}
	if u.u_error == 0 {
		writeEntry(dp, offset, ip.i_number, &name)
	}
	if u.u_error != 0 {
		ip.i_nlink = 0
		InodeTbl.IPut(ip)
		InodeTbl.IPut(dp)
		return
	}
	dp.i_nlink++
	dp.i_flag |= IUPD
	InodeTbl.IPut(ip)
	InodeTbl.IPut(dp)
	u.u_ar0.eax = 0
}

// Stat is what stat and fstat store: ours, POSIX's fields (V6++ copies the
// 64-byte disk inode out instead).
type Stat struct {
	st_dev   int32
	st_ino   int32
	st_mode  uint32
	st_nlink int32
	st_uid   int32
	st_gid   int32
	st_rdev  int32
	st_size  int32
	st_atime int32
	st_mtime int32
	st_ctime int32
}

const (
	S_IFREG = 0100000
	S_IFIFO = 0010000
)

// Stat1 stores ip's status at user address addr (FileManager::Stat1). The
// mode is POSIX's: V6's IALLOC bit is POSIX's S_IFREG, so a regular file
// keeps it and other types drop it.
func Stat1(ip *Inode, addr uintptr, pipe bool) {
	var st Stat
	if ip != nil {
		ip.IUpdate(int32(bootTime + time_))
		st.st_ino = ip.i_number
		st.st_mode = ip.i_mode &^ (IALLOC | ILARG)
		if ip.i_mode&IFMT == 0 {
			st.st_mode |= S_IFREG
		}
		st.st_nlink = ip.i_nlink
		st.st_uid = int32(ip.i_uid)
		st.st_gid = int32(ip.i_gid)
		st.st_size = ip.i_size
		if t := ip.i_mode & IFMT; t == IFCHR || t == IFBLK {
			st.st_rdev = ip.i_addr[0]
			st.st_size = 0
		}
		if pipe {
			st.st_mode = S_IFIFO | 0600 // V6's pipe inode has no type of its own
			st.st_size = 0
		}
		b := BufMgr.Bread(ip.i_dev, INODE_ZONE_START_SECTOR+ip.i_number/INODE_NUMBER_PER_SECTOR)
		if b.b_flags&B_ERROR == 0 {
			d := (*DiskInode)(unsafe.Pointer(b.b_addr + uintptr(ip.i_number%INODE_NUMBER_PER_SECTOR)*64))
			st.st_atime, st.st_mtime, st.st_ctime = d.d_atime, d.d_mtime, d.d_mtime
		}
		BufMgr.Brelse(b)
	} else {
		st.st_mode = IFCHR | 0666 // the boot console
	}
	if CopyOut(addr, uintptr(unsafe.Pointer(&st)), uint32(unsafe.Sizeof(st))) {
		GetUser().u_ar0.eax = 0
	}
}

// StatCall is stat(path, buf) (FileManager::Stat).
func StatCall() {
	u := GetUser()
	var path [MAXPATH]byte
	if !getPath(&path, u.u_arg[0]) {
		return
	}
	ip := NameI(&path, OPEN)
	if ip == nil {
		return
	}
	Stat1(ip, uintptr(u.u_arg[1]), false)
	InodeTbl.IPut(ip)
}

// FStat is fstat(fd, buf) (FileManager::FStat).
func FStat() {
	u := GetUser()
	f := GetF(u.u_arg[0])
	if f == nil {
		return
	}
	ip := f.f_inode
	if ip != nil {
		ip.NLock()
	}
	Stat1(ip, uintptr(u.u_arg[1]), f.f_flag&FPIPE != 0)
	if ip != nil {
		ip.Prele()
	}
}

// Getcwd is getcwd(buf, size) (ours; V6++'s shell keeps the path itself):
// climb .. to the root, finding each directory's name in its parent. It
// returns the length of the path stored.
func Getcwd() {
	u := GetUser()
	if !Mounted() || u.u_cdir == nil {
		u.u_error = ENOENT
		return
	}
	var out [MAXPATH]byte
	n := int32(MAXPATH - 1) // the path is built backwards from the end
	out[n] = 0
	ino := u.u_cdir.i_number
	for ino != ROOTINO {
		dp := InodeTbl.IGet(ROOTDEV, ino)
		if dp == nil {
			return
		}
		parent := dirLookupIno(dp, 0, true) // ".."
		InodeTbl.IPut(dp)
		if parent == 0 {
			u.u_error = ENOENT
			return
		}
		pp := InodeTbl.IGet(ROOTDEV, parent)
		if pp == nil {
			return
		}
		found := dirLookupIno(pp, ino, false)
		InodeTbl.IPut(pp)
		if found == 0 {
			u.u_error = ENOENT
			return
		}
		l := int32(0)
		for l < DIRSIZ && u.u_dent.m_name[l] != 0 {
			l++
		}
		if n-l-1 < 0 {
			u.u_error = ERANGE
			return
		}
		for j := l - 1; j >= 0; j-- {
			n--
			out[n] = u.u_dent.m_name[j]
		}
		n--
		out[n] = '/'
		ino = parent
	}
	if ino == ROOTINO && n == MAXPATH-1 {
		n--
		out[n] = '/'
	}
	size := MAXPATH - 1 - n
	if size+1 > u.u_arg[1] {
		u.u_error = ERANGE
		return
	}
	if CopyOut(uintptr(u.u_arg[0]), uintptr(unsafe.Pointer(&out))+uintptr(n), uint32(size+1)) {
		u.u_ar0.eax = uint32(size)
	}
}

// dirLookupIno scans directory dp (locked): with dotdot, for the entry
// ".." and returns its inode; else for an entry naming ino (-1: any)
// other than "." and "..", left in u_dent, returning its inode. 0 if none.
func dirLookupIno(dp *Inode, ino int32, dotdot bool) int32 {
	u := GetUser()
	for off := int32(0); off < dp.i_size; off += 32 {
		bn := dp.Bmap(off/BUFFER_SIZE, false)
		if bn == 0 {
			return 0
		}
		b := BufMgr.Bread(dp.i_dev, bn)
		hw.CopyBytes(uintptr(unsafe.Pointer(&u.u_dent)), b.b_addr+uintptr(off%BUFFER_SIZE), 32)
		BufMgr.Brelse(b)
		e := &u.u_dent
		isDot := e.m_name[0] == '.' && (e.m_name[1] == 0 || e.m_name[1] == '.' && e.m_name[2] == 0)
		if dotdot {
			if e.m_ino != 0 && e.m_name[0] == '.' && e.m_name[1] == '.' && e.m_name[2] == 0 {
				return e.m_ino
			}
		} else if e.m_ino != 0 && (e.m_ino == ino || ino == -1) && !isDot {
			return e.m_ino
		}
	}
	return 0
}

// RmDir is rmdir(path) (ours; V6's rmdir is a program that unlinks . and
// .. as root): the directory must hold nothing but . and ..; its parent
// loses the link its .. made.
func RmDir() {
	u := GetUser()
	var path [MAXPATH]byte
	if !getPath(&path, u.u_arg[0]) {
		return
	}
	dp := NameI(&path, DELETE)
	if dp == nil {
		return
	}
	if u.u_dent.m_ino == dp.i_number {
		u.u_error = EINVAL // rmdir(".")
		InodeTbl.IPut(dp)
		return
	}
	offset := u.u_IOParam.m_Offset - 32
	ip := InodeTbl.IGet(dp.i_dev, u.u_dent.m_ino)
	if ip == nil {
		InodeTbl.IPut(dp)
		return
	}
	if ip.i_mode&IFMT != IFDIR {
		u.u_error = ENOTDIR
	} else if u.u_dent.m_name[0] == '.' && u.u_dent.m_name[1] == '.' && u.u_dent.m_name[2] == 0 {
		u.u_error = ENOTEMPTY // rmdir(".."): the parent, not empty
	} else if dirLookupIno(ip, -1, false) != 0 || u.u_error != 0 {
		if u.u_error == 0 {
			u.u_error = ENOTEMPTY
		}
	}
	if u.u_error == 0 {
		var zero [DIRSIZ]byte
		writeEntry(dp, offset, 0, &zero)
	}
	if u.u_error == 0 {
		ip.i_nlink = 0
		ip.i_flag |= IUPD
		dp.i_nlink--
		dp.i_flag |= IUPD
		u.u_ar0.eax = 0
	}
	InodeTbl.IPut(ip)
	InodeTbl.IPut(dp)
}
