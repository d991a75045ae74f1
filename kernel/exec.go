//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// ExecHeader is the header of a v6vm executable (v6vm/exe; V6++ reads a PE
// header instead, in PEParser::HeaderLoad).
type ExecHeader struct {
	magic     uint32
	version   uint32
	entry     uint32
	textAddr  uint32
	textSize  uint32
	dataAddr  uint32
	dataSize  uint32
	bssSize   uint32
	loadAddr  uint32
	symOff    uint32
	symCount  uint32
	lineOff   uint32
	lineCount uint32
	strOff    uint32
	strSize   uint32
	reserved  uint32
}

const (
	EXEC_MAGIC  = 0x58563656 // "V6VX"
	EXEC_HEADER = 64
	NCARGS      = 4096 // bytes of arguments (V6 NCARGS 510; Linux much more)
	MAXARGS     = 256
	USER_STACK  = 2 * PAGE_SIZE // initial stack beyond the arguments
)

// execArgs holds the arguments of the execs in progress, one buffer each
// (V6++ uses swap space; ExeCnt limits them to NEXEC).
var execArgs [NEXEC][NCARGS]byte

var execBusy [NEXEC]bool

// validExec checks an executable of size bytes before anything of the
// caller is given up: a bad one fails with ENOEXEC and the caller goes on.
func validExec(h *ExecHeader, size uint32) bool {
	if size < EXEC_HEADER || h.magic != EXEC_MAGIC || h.version != 1 {
		return false
	}
	if h.textAddr != USER_TEXT_START || h.textSize > USER_SPACE_SIZE || h.dataSize > USER_SPACE_SIZE || h.bssSize > USER_SPACE_SIZE {
		return false
	}
	if EXEC_HEADER+h.textSize+h.dataSize > size {
		return false
	}
	if h.entry < h.textAddr || h.entry >= h.textAddr+h.textSize {
		return false
	}
	if h.dataAddr != pageRound(h.textAddr+h.textSize) {
		return false
	}
	return h.dataAddr+h.dataSize+h.bssSize <= USER_SPACE_SIZE-MAX_STACK
}

// Sys_Exec is execve(path, argv, envp) (ProcessManager::Exec): replace the
// running program with the executable path, passing argv. Executables come
// from the file system, or from the boot image when there is none or it
// does not have the path (v6vm run --disk with a program from the host).
// Everything that can fail for a reason of the caller's (a bad path,
// pointer, executable or argument list) is checked before the old image is
// given up.
func Sys_Exec() {
	u := GetUser()
	pm := &ProcMgr
	var path [128]byte
	if !CopyInString(&path, uintptr(u.u_arg[0])) {
		return
	}
	var h *ExecHeader
	var hdr ExecHeader
	var ip *Inode
	img := uintptr(0)
	key := int32(0)
	if Mounted() {
		ip = NameI(&path, OPEN)
		if ip == nil && bootLookup(&path) < 0 {
			return
		}
		u.u_error = 0 // not on the disk (or unreadable), but in the boot image: run that
	}
	if ip != nil {
		// A regular file with an execute bit (V6++ checks IEXEC with
		// Access; everyone is root here, and root needs one x bit).
		if ip.i_mode&IFMT != 0 || ip.i_mode&(IEXEC|IEXEC>>3|IEXEC>>6) == 0 {
			u.u_error = EACCES
			InodeTbl.IPut(ip)
			return
		}
		io := &u.u_IOParam
		io.m_Base = uintptr(unsafe.Pointer(&hdr))
		io.m_Offset = 0
		io.m_Count = EXEC_HEADER
		ip.ReadI()
		if u.u_error != 0 {
			InodeTbl.IPut(ip)
			return
		}
		h = &hdr
		if io.m_Count != 0 || !validExec(h, uint32(ip.i_size)) {
			u.u_error = ENOEXEC
			InodeTbl.IPut(ip)
			return
		}
		// Keep the reference but not the lock: giving up the old text
		// may release this very inode (a program exec'ing itself), and
		// IPut takes the lock.
		ip.Prele()
	} else {
		idx := bootLookup(&path)
		if idx < 0 {
			u.u_error = ENOENT
			return
		}
		bf := &bootImage().files[idx]
		img = PhysToVirt(BOOT_IMAGE) + uintptr(bf.offset)
		h = (*ExecHeader)(unsafe.Pointer(img))
		key = idx + 1
		if !validExec(h, bf.size) {
			u.u_error = ENOEXEC
			return
		}
	}

	for pm.ExeCnt >= NEXEC {
		u.u_procp.Sleep(uintptr(unsafe.Pointer(&pm.ExeCnt)), EXPRI)
	}
	pm.ExeCnt++
	slot := 0
	for execBusy[slot] {
		slot++
	}
	execBusy[slot] = true
	buf := &execArgs[slot]
	nbytes := uint32(0)
	argc := collectArgs(buf, &nbytes, uintptr(u.u_arg[1]))
	envc := int32(-1)
	if argc >= 0 {
		envc = collectArgs(buf, &nbytes, uintptr(u.u_arg[2]))
	}
	if envc >= 0 {
		loadImage(h, img, ip, key, buf, argc, envc, nbytes, &path)
	}
	execBusy[slot] = false
	pm.ExeCnt--
	pm.WakeUpAll(uintptr(unsafe.Pointer(&pm.ExeCnt)))
	if ip != nil {
		ip.NLock()
		InodeTbl.IPut(ip)
	}
}

// readExec reads n bytes at offset off of executable ip into kernel
// address dst; false on a read error or a short file.
func readExec(ip *Inode, dst uintptr, off, n uint32) bool {
	u := GetUser()
	io := &u.u_IOParam
	io.m_Base = dst
	io.m_Offset = int32(off)
	io.m_Count = int32(n)
	ip.ReadI()
	return u.u_error == 0 && io.m_Count == 0
}

// XLOAD marks a text whose contents are still being read from the disk
// (V6 XLOAD); XWANT, that an exec of the same file waits for it.
const (
	XLOAD = 0x1
	XWANT = 0x2
)

// XAllocInode gives the running process the text of executable ip
// (referenced, unlocked): shared with a process running the same file, or
// read in now (Process::XAlloc keyed by x_iptr, as V6++). The text holds a
// reference to ip until its last user frees it.
func XAllocInode(ip *Inode, size uint32) bool {
	pm := &ProcMgr
	p := GetUser().u_procp
	XFree(p)
	var free *Text
	for free == nil {
		waited := false
		// Only a file with ITEXT has a text to share; for the others
		// the first free slot will do.
		shared := ip.i_flag&ITEXT != 0
		for i := 0; i < NTEXT && !waited && (shared || free == nil); i++ {
			x := &pm.text[i]
			if x.x_count > 0 && x.x_iptr == ip {
				if x.x_flag&XLOAD != 0 {
					// Another exec is reading this text in: wait for
					// it, then look again (its read may fail).
					x.x_flag |= XWANT
					p.Sleep(uintptr(unsafe.Pointer(x)), PRIBIO)
					waited = true
					continue
				}
				x.x_count++
				p.p_textp = x
				return true
			}
			if x.x_count == 0 && free == nil {
				free = x
			}
		}
		if waited {
			free = nil
			continue
		}
		if free == nil {
			return false
		}
	}
	pa := CoreMap.Alloc(size)
	if pa == 0 {
		return false
	}
	// Claim the slot before reading: readExec sleeps on the disk, and
	// another exec meanwhile must not take the same free slot (it did:
	// two programs exec'd at once by a pipeline ran each other's text),
	// nor run this text before it is all there (XLOAD).
	free.x_caddr = pa
	free.x_size = pageRound(size)
	free.x_count = 1
	free.x_key = -1
	free.x_iptr = ip
	free.x_flag = XLOAD
	ip.i_count++
	ip.i_flag |= ITEXT
	ok := readExec(ip, PhysToVirt(pa), EXEC_HEADER, size)
	if !ok {
		free.x_count = 0
		free.x_iptr = nil
		ip.i_count--
		ip.i_flag &^= ITEXT
		CoreMap.Free(size, pa)
	}
	if free.x_flag&XWANT != 0 {
		pm.WakeUpAll(uintptr(unsafe.Pointer(free)))
	}
	free.x_flag = 0
	if ok {
		p.p_textp = free
	}
	return ok
}

// collectArgs copies the strings of the user's vector vec (argv or envp,
// NULL-terminated; a NULL vec is empty) into buf at *n, NUL-terminated one
// after another, advancing *n. It returns their number, or -1 with u_error
// set (EFAULT, E2BIG).
func collectArgs(buf *[NCARGS]byte, n *uint32, vec uintptr) int32 {
	u := GetUser()
	count := int32(0)
	if vec == 0 {
		return 0
	}
	for {
		var p uint32
		if !CopyIn(uintptr(unsafe.Pointer(&p)), vec+uintptr(count)*4, 4) {
			return -1
		}
		if p == 0 {
			return count
		}
		if count >= MAXARGS {
			u.u_error = E2BIG
			return -1
		}
		for first := true; ; first = false {
			// One check per page the string touches, not per byte.
			if (first || p&(PAGE_SIZE-1) == 0) && !userRange(uintptr(p), 1, false) {
				u.u_error = EFAULT
				return -1
			}
			if *n >= NCARGS {
				u.u_error = E2BIG
				return -1
			}
			c := *(*byte)(unsafe.Pointer(uintptr(p)))
			buf[*n] = c
			*n++
			p++
			if c == 0 {
				break
			}
		}
		count++
	}
}

// loadImage is the part of exec past the point of no return: free the old
// image, build the new one, and aim the trap frame at the new entry with
// the arguments on the new stack.
func loadImage(h *ExecHeader, img uintptr, ip *Inode, key int32, args *[NCARGS]byte, argc, envc int32, nbytes uint32, path *[128]byte) {
	u := GetUser()
	p := u.u_procp
	md := &u.u_MemoryDescriptor

	dataSize := pageRound(h.dataSize + h.bssSize)
	stackSize := pageRound(nbytes+uint32(argc+envc+5)*4) + USER_STACK
	if CoreMap.free+p.p_size-USIZE < dataSize+stackSize+pageRound(h.textSize) {
		u.u_error = ENOMEM // a guess that may still fail below, but saves the caller mostly
		return
	}

	// A vfork child gives the parent's memory back and gets its own
	// (vfork.go); the parent wakes up.
	if !SpaceForExec() {
		u.u_error = ENOMEM
		return
	}
	ReleasePaged(p) // copy-on-write pages go back (cow.go)

	// Release the old program: text, data, stack.
	XFree(p)
	md.m_StackSize = 0
	Expand(USIZE)
	if ip != nil {
		if !XAllocInode(ip, h.textSize) || !Expand(USIZE+dataSize+stackSize) {
			ProcMgr.Exit(SIGKILL) // nothing left to return to
		}
	} else if !XAlloc(key, img+EXEC_HEADER, h.textSize) || !Expand(USIZE+dataSize+stackSize) {
		ProcMgr.Exit(SIGKILL)
	}
	md.m_TextStartAddress = h.textAddr
	md.m_TextSize = pageRound(h.textSize)
	md.m_DataStartAddress = h.dataAddr
	md.m_DataSize = dataSize
	md.m_StackSize = stackSize
	u.u_brk = h.dataAddr + h.dataSize + h.bssSize
	if ip == nil {
		hw.CopyBytes(PhysToVirt(p.p_addr+USIZE), img+EXEC_HEADER+uintptr(h.textSize), h.dataSize)
	} else if !readExec(ip, PhysToVirt(p.p_addr+USIZE), EXEC_HEADER+h.textSize, h.dataSize) {
		ProcMgr.Exit(SIGKILL) // the disk failed under us
	}
	EstablishUserPageTable(p, md)
	hw.FlushTLB()

	// The new stack, from the top: the strings (argv's, then envp's),
	// argv[] and its NULL, envp[] and its NULL, then envp, argv, argc at
	// the new stack pointer — main(argc, argv, envp)'s arguments as crt0
	// finds them.
	strs := USER_SPACE_SIZE - ((nbytes + 3) &^ 3)
	hw.CopyBytes(uintptr(strs), uintptr(unsafe.Pointer(args)), nbytes)
	sp := strs - uint32(argc+envc+2)*4
	argvp := sp
	envp := argvp + uint32(argc+1)*4
	s := strs
	for i := int32(0); i < argc+envc; i++ {
		slot := argvp + uint32(i)*4
		if i >= argc {
			slot += 4 // past argv's NULL
		}
		*(*uint32)(unsafe.Pointer(uintptr(slot))) = s
		for args[s-strs] != 0 {
			s++
		}
		s++
	}
	*(*uint32)(unsafe.Pointer(uintptr(argvp + uint32(argc)*4))) = 0
	*(*uint32)(unsafe.Pointer(uintptr(envp + uint32(envc)*4))) = 0
	sp -= 12
	*(*uint32)(unsafe.Pointer(uintptr(sp))) = uint32(argc)
	*(*uint32)(unsafe.Pointer(uintptr(sp + 4))) = argvp
	*(*uint32)(unsafe.Pointer(uintptr(sp + 8))) = envp

	// Caught signals go back to the default; ignored ones stay ignored.
	for i := 0; i < NSIG; i++ {
		if u.u_signal[i] != SIG_IGN {
			u.u_signal[i] = SIG_DFL
		}
	}
	r := u.u_ar0
	r.eax, r.ebx, r.ecx, r.edx, r.esi, r.edi, r.ebp = 0, 0, 0, 0, 0, 0, 0
	ctx := u.u_ctx
	ctx.eip = h.entry
	ctx.esp = sp
	ctx.eflags = EFLAGS_UM | EFLAGS_IF

	// The command name, for ps and traces: the path's last element.
	start := 0
	for i := 0; i < len(path) && path[i] != 0; i++ {
		if path[i] == '/' {
			start = i + 1
		}
	}
	n := 0
	for n < len(u.u_comm)-1 && start+n < len(path) && path[start+n] != 0 {
		u.u_comm[n] = path[start+n]
		n++
	}
	for n < len(u.u_comm) {
		u.u_comm[n] = 0
		n++
	}
	tracePoint(TRACE_EXEC, 0)
}

// CopyInString copies a NUL-terminated string from user address src into
// buf; EFAULT for a bad address, ENAMETOOLONG if it does not
// fit.
func CopyInString(buf *[128]byte, src uintptr) bool {
	u := GetUser()
	for i := uintptr(0); i < uintptr(len(buf)); i++ {
		if (i == 0 || (src+i)&(PAGE_SIZE-1) == 0) && !userRange(src+i, 1, false) {
			u.u_error = EFAULT
			return false
		}
		c := *(*byte)(unsafe.Pointer(src + i))
		buf[i] = c
		if c == 0 {
			return true
		}
	}
	u.u_error = ENAMETOOLONG
	return false
}
