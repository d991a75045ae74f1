//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// Physical memory: a first-fit map of free extents (V6's malloc/mfree on
// coremap, V6++'s Allocator with MapNode), page-granular. Process images,
// shared texts and page directories come from it.

// NMAP bounds the free map: n allocated extents leave at most n+1 free
// ones, and there are at most 2 per process (image, page directory) plus
// the texts, so this never fills (V6's coremap was sized the same way).
const NMAP = 2*NPROC + NTEXT + 8

// MapNode is one free extent (V6++ MapNode), in bytes.
type MapNode struct {
	m_Size       uint32
	m_AddressIdx uint32
}

// Allocator is a free map sorted by address and ended by an entry of size
// 0 (V6++ Allocator).
type Allocator struct {
	m_Map [NMAP]MapNode
	free  uint32 // bytes free, for accounting and tests (ours)
}

// CoreMap is the map of user memory.
var CoreMap Allocator

func pageRound(n uint32) uint32 { return (n + PAGE_SIZE - 1) &^ (PAGE_SIZE - 1) }

// Alloc takes size bytes (rounded up to pages) from the first extent large
// enough and returns their address, or 0 (Allocator::Alloc, V6 malloc).
func (a *Allocator) Alloc(size uint32) uint32 {
	size = pageRound(size)
	for i := 0; i < NMAP && a.m_Map[i].m_Size != 0; i++ {
		bp := &a.m_Map[i]
		if bp.m_Size < size {
			continue
		}
		addr := bp.m_AddressIdx
		bp.m_AddressIdx += size
		bp.m_Size -= size
		if bp.m_Size == 0 { // close the gap
			for j := i; j+1 < NMAP; j++ {
				a.m_Map[j] = a.m_Map[j+1]
				if a.m_Map[j].m_Size == 0 {
					break
				}
			}
		}
		a.free -= size
		return addr
	}
	return 0
}

// Free returns size bytes at addr to the map, merging with the extents
// around it (Allocator::Free, V6 mfree).
func (a *Allocator) Free(size, addr uint32) {
	size = pageRound(size)
	if size == 0 {
		return
	}
	a.free += size
	i := 0
	for i < NMAP && a.m_Map[i].m_Size != 0 && a.m_Map[i].m_AddressIdx <= addr {
		i++
	}
	if i > 0 && a.m_Map[i-1].m_AddressIdx+a.m_Map[i-1].m_Size == addr {
		prev := &a.m_Map[i-1]
		prev.m_Size += size
		if i < NMAP && a.m_Map[i].m_Size != 0 && addr+size == a.m_Map[i].m_AddressIdx {
			prev.m_Size += a.m_Map[i].m_Size
			for j := i; j+1 < NMAP; j++ {
				a.m_Map[j] = a.m_Map[j+1]
				if a.m_Map[j].m_Size == 0 {
					break
				}
			}
		}
		return
	}
	if i < NMAP && a.m_Map[i].m_Size != 0 && addr+size == a.m_Map[i].m_AddressIdx {
		a.m_Map[i].m_AddressIdx = addr
		a.m_Map[i].m_Size += size
		return
	}
	// Insert a new extent at i, shifting the rest up.
	n := i
	for n < NMAP && a.m_Map[n].m_Size != 0 {
		n++
	}
	if n+1 >= NMAP {
		Panic("Free: coremap full") // the memory leaks rather than corrupt the map
	}
	for j := n + 1; j > i; j-- {
		a.m_Map[j] = a.m_Map[j-1]
	}
	a.m_Map[i] = MapNode{size, addr}
}

// PhysToVirt gives the kernel virtual address of physical address pa.
func PhysToVirt(pa uint32) uintptr { return uintptr(pa) + KERNEL_BASE }

// kernelPTE returns the kernel page-table entry that maps kernel virtual
// address va. The kernel page tables are contiguous at KERNEL_PT.
func kernelPTE(va uintptr) *uint32 {
	return (*uint32)(unsafe.Pointer(PhysToVirt(KERNEL_PT) + (va-KERNEL_BASE)>>12*4))
}

func setPTE(pte *uint32, v uint32) { *pte = v }

// nKernelPT is the number of kernel page tables (4 MiB of memory each),
// set at boot from the memory size.
var nKernelPT uint32

// Page directories. Each process has three contiguous pages: its page
// directory, then the two page tables of its 8 MiB user space. The kernel
// part of every directory points at the shared kernel page tables.
const PGDIR_SIZE = 3 * PAGE_SIZE

// NewPageDirectory allocates and initialises a page directory with an empty
// user space. It returns its physical address, or 0 if memory is short.
func NewPageDirectory() uint32 {
	pa := CoreMap.Alloc(PGDIR_SIZE)
	if pa == 0 {
		return 0
	}
	hw.FillWords(PhysToVirt(pa), 0, PGDIR_SIZE/4)
	pd := PhysToVirt(pa)
	*(*uint32)(unsafe.Pointer(pd)) = (pa + PAGE_SIZE) | PG_P | PG_W | PG_U
	*(*uint32)(unsafe.Pointer(pd + 4)) = (pa + 2*PAGE_SIZE) | PG_P | PG_W | PG_U
	for i := uint32(0); i < nKernelPT; i++ {
		*(*uint32)(unsafe.Pointer(pd + uintptr(768+i)*4)) = (KERNEL_PT + i*PAGE_SIZE) | PG_P | PG_W
	}
	return pa
}

// FreePageDirectory releases a page directory and its user page tables.
func FreePageDirectory(pa uint32) {
	if pa != 0 && pa != KERNEL_PD {
		CoreMap.Free(PGDIR_SIZE, pa)
	}
}

// EstablishUserPageTable maps p's user space from its memory descriptor
// (MemoryDescriptor::EstablishUserPageTable and MapToPageTable): text
// read-only from the shared text, data and stack writable from the image,
// everything else absent. The caller reloads CR3 if p is running.
func EstablishUserPageTable(p *Process, md *MemoryDescriptor) {
	pt := PhysToVirt(p.p_pgdir + PAGE_SIZE) // the two user page tables, contiguous
	hw.FillWords(pt, 0, 2*PAGE_SIZE/4)
	if p.p_textp != nil {
		mapRange(pt, md.m_TextStartAddress, p.p_textp.x_caddr, md.m_TextSize, PG_P|PG_U)
	}
	mapRange(pt, md.m_DataStartAddress, p.p_addr+USIZE, md.m_DataSize, PG_P|PG_W|PG_U)
	mapRange(pt, USER_SPACE_SIZE-md.m_StackSize, p.p_addr+USIZE+md.m_DataSize, md.m_StackSize, PG_P|PG_W|PG_U)
}

func mapRange(pt uintptr, va, pa, size, bits uint32) {
	for off := uint32(0); off < size; off += PAGE_SIZE {
		*(*uint32)(unsafe.Pointer(pt + uintptr((va+off)>>12)*4)) = (pa + off) | bits
	}
}

// Expand resizes the running process's image to newsize bytes, moving it
// if it must grow, and keeps the stack at the end (V6 expand, V6++
// Process::Expand). Data grows or shrinks by newsize-p_size between the
// old data and the stack; the caller updates the memory descriptor and the
// page tables. It returns false (changing nothing) if memory is short.
//
// The image holds the core stack we are running on. Once it is copied, no
// stack write may happen until the ppda mapping points at the copy: the
// operands of the remap are computed before the copy.
func Expand(newsize uint32) bool {
	u := GetUser()
	p := u.u_procp
	newsize = pageRound(newsize)
	old := p.p_size
	if newsize == old {
		return true
	}
	stack := u.u_MemoryDescriptor.m_StackSize
	if newsize < old {
		// Shrink in place: move the stack down, free the tail.
		hw.CopyBytes(PhysToVirt(p.p_addr+newsize-stack), PhysToVirt(p.p_addr+old-stack), stack)
		CoreMap.Free(old-newsize, p.p_addr+newsize)
		p.p_size = newsize
		return true
	}
	addr := CoreMap.Alloc(newsize)
	if addr == 0 {
		return false
	}
	oldAddr := p.p_addr
	pte := kernelPTE(USER_ADDRESS)
	ppda := addr | PG_P | PG_W
	pgdir := p.p_pgdir
	p.p_addr = addr
	p.p_size = newsize
	// The stack to the new end, zeroes for the new data, then the ppda and
	// data. From that last copy until SetCR3 the stack is only read, and
	// no interrupt may write the u area.
	hw.CopyBytes(PhysToVirt(addr+newsize-stack), PhysToVirt(oldAddr+old-stack), stack)
	hw.FillBytes(PhysToVirt(addr+old-stack), 0, newsize-old)
	hw.Cli()
	hw.CopyBytes(PhysToVirt(addr), PhysToVirt(oldAddr), old-stack)
	*pte = ppda
	hw.SetCR3(pgdir)
	hw.Sti()
	CoreMap.Free(old, oldAddr)
	return true
}

// XAlloc gives the running process the text segment key with contents
// text: shared with another process running the same program, or loaded
// now (V6++ Process::XAlloc). False if memory is short.
func XAlloc(key int32, text uintptr, size uint32) bool {
	pm := &ProcMgr
	p := GetUser().u_procp
	XFree(p)
	var free *Text
	for i := 0; i < NTEXT; i++ {
		x := &pm.text[i]
		if x.x_count > 0 && x.x_key == key {
			x.x_count++
			p.p_textp = x
			return true
		}
		if x.x_count == 0 && free == nil {
			free = x
		}
	}
	if free == nil {
		return false
	}
	pa := CoreMap.Alloc(size)
	if pa == 0 {
		return false
	}
	hw.CopyBytes(PhysToVirt(pa), text, size)
	free.x_caddr = pa
	free.x_size = pageRound(size)
	free.x_count = 1
	free.x_key = key
	p.p_textp = free
	return true
}

// XFree drops p's use of its text, freeing it with the last user (V6++
// Process::XFree).
func XFree(p *Process) {
	x := p.p_textp
	if x == nil {
		return
	}
	p.p_textp = nil
	x.x_count--
	if x.x_count == 0 {
		CoreMap.Free(x.x_size, x.x_caddr)
		x.x_key = 0
		if ip := x.x_iptr; ip != nil {
			x.x_iptr = nil
			ip.i_flag &^= ITEXT
			ip.NLock()
			InodeTbl.IPut(ip)
		}
	}
}

// userRange reports whether the running process may access [addr,
// addr+n) of its user space (writing too if write): every page present in
// its page tables, and writable if need be. System calls check every user
// pointer with it and fail with EFAULT.
func userRange(addr uintptr, n uint32, write bool) bool {
	if n == 0 {
		return true
	}
	end := addr + uintptr(n)
	if end < addr || end > USER_SPACE_SIZE {
		return false
	}
	pgdir := GetUser().u_procp.p_pgdir
	for page := uint32(addr) &^ (PAGE_SIZE - 1); page < uint32(end); page += PAGE_SIZE {
		pde, pte := *userPDE(pgdir, page), *userPTE(pgdir, page)
		for write && (pde|pte)&PG_COW != 0 && cowFault(page) {
			// The kernel is about to write through a shared page
			// table or to a copy-on-write page: the process gets
			// its own first (cow.go).
			pde, pte = *userPDE(pgdir, page), *userPTE(pgdir, page)
		}
		if pte&PG_P == 0 || write && pde&pte&PG_W == 0 {
			return false
		}
	}
	return true
}

// CopyIn copies n bytes from user address src to kernel address dst,
// failing with EFAULT if any of them is not the process's to read.
func CopyIn(dst, src uintptr, n uint32) bool {
	if !userRange(src, n, false) {
		GetUser().u_error = EFAULT
		return false
	}
	hw.CopyBytes(dst, src, n)
	return true
}

// CopyOut copies n bytes from kernel address src to user address dst,
// failing with EFAULT if any of them is not the process's to write.
func CopyOut(dst, src uintptr, n uint32) bool {
	if !userRange(dst, n, true) {
		GetUser().u_error = EFAULT
		return false
	}
	hw.CopyBytes(dst, src, n)
	return true
}
