//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// Copy-on-write fork, a boot option (v6vm boot/run --cow; V6++ has none:
// its fork always copies the image). fork then copies only the ppda: the
// child's page tables map the parent's data and stack pages, and both
// sides' entries become read-only with PG_COW. The first write by either
// faults, and the fault handler copies the page for the writer — unless no
// one else uses it any more, when it only makes it writable again. Each
// physical page of such a "paged" process has a reference count; images are
// no longer contiguous, so exit, exec, brk and stack growth work page by
// page for them.

const (
	PG_COW = 0x200  // page-table entry: shared by a fork, copy on write (x86's software bit 9)
	SPAGED = 0x80   // the process's data and stack are counted pages, not a contiguous image (ours)
	NPAGES = 0x8000 // pages of memory the counts cover (128 MiB)
)

var (
	cowMode   bool           // set at boot from the boot image's flags
	pageRef   [NPAGES]uint16 // users of each physical page of a paged process
	cowShared uint32         // pages shared by forks so far
	cowCopied uint32         // pages copied by write faults so far
)

// userPTE is the page-table entry of user address va in page directory
// pgdir (the two user page tables follow it).
func userPTE(pgdir uint32, va uint32) *uint32 {
	return (*uint32)(unsafe.Pointer(PhysToVirt(pgdir+PAGE_SIZE) + uintptr(va>>12)*4))
}

func pageIndex(pa uint32) uint32 { return pa >> 12 }

// unrefPage drops one use of page pa, freeing it with the last.
func unrefPage(pa uint32) {
	i := pageIndex(pa)
	pageRef[i]--
	if pageRef[i] == 0 {
		CoreMap.Free(PAGE_SIZE, pa)
	}
}

// pagify makes p's contiguous image counted pages (each used once), so it
// can share them. Its ppda stays where it is.
func pagify(p *Process, md *MemoryDescriptor) {
	countOnce(p.p_pgdir, md.m_DataStartAddress, md.m_DataSize)
	countOnce(p.p_pgdir, USER_SPACE_SIZE-md.m_StackSize, md.m_StackSize)
	p.p_flag |= SPAGED
}

func countOnce(pgdir, va, size uint32) {
	e := PhysToVirt(pgdir+PAGE_SIZE) + uintptr(va>>12)*4
	end := e + uintptr(size>>12)*4
	for ; e < end; e += 4 {
		pageRef[*(*uint32)(unsafe.Pointer(e))>>12] = 1
	}
}

// sharePages maps the pages [va, va+size) of src into dst, read-only and
// PG_COW on both sides, one more use each. It runs once per page of the
// image at every fork: the loop walks the entries by pointer.
func sharePages(src, dst uint32, va, size uint32) {
	s := PhysToVirt(src+PAGE_SIZE) + uintptr(va>>12)*4
	d := PhysToVirt(dst+PAGE_SIZE) + uintptr(va>>12)*4
	end := s + uintptr(size>>12)*4
	for ; s < end; s, d = s+4, d+4 {
		pte := *(*uint32)(unsafe.Pointer(s))
		if pte&PG_P != 0 {
			pte = pte&^PG_W | PG_COW
			*(*uint32)(unsafe.Pointer(s)) = pte
			*(*uint32)(unsafe.Pointer(d)) = pte
			pageRef[pte>>12]++
		}
	}
	cowShared += size >> 12
}

// NewProcCOW is NewProc for copy-on-write fork: the child gets its own
// ppda (a copy, which returns it 1 through Swtch exactly as NewProc's
// does) and page directory, and shares every other page with the parent.
func (pm *ProcessManager) NewProcCOW() int32 {
	u := GetUser()
	parent := u.u_procp
	md := &u.u_MemoryDescriptor
	slot := pm.freeSlotIndex()
	addr := CoreMap.Alloc(USIZE)
	if addr == 0 {
		return -1
	}
	pgdir := NewPageDirectory()
	if pgdir == 0 {
		CoreMap.Free(USIZE, addr)
		return -1
	}
	if parent.p_flag&SPAGED == 0 && parent.p_space == nil {
		pagify(parent, md)
	}
	child := pm.cloneEntry(slot, parent)
	child.p_size = parent.p_size
	child.p_addr = addr
	child.p_pgdir = pgdir
	child.p_flag |= SPAGED

	if child.p_textp != nil {
		mapRange(PhysToVirt(pgdir+PAGE_SIZE), md.m_TextStartAddress, child.p_textp.x_caddr, md.m_TextSize, PG_P|PG_U)
	}
	sharePages(parent.p_pgdir, pgdir, md.m_DataStartAddress, md.m_DataSize)
	sharePages(parent.p_pgdir, pgdir, USER_SPACE_SIZE-md.m_StackSize, md.m_StackSize)
	hw.FlushTLB() // the parent's entries became read-only

	hw.SaveU(&u.u_rsav)
	hw.CopyBytes(PhysToVirt(addr), PhysToVirt(parent.p_addr), USIZE)
	cu := (*User)(unsafe.Pointer(PhysToVirt(addr)))
	cu.u_procp = child
	child.p_stat = SRUN
	return 0
}

// paged reports whether p's user pages are counted pages.
func paged(p *Process) bool {
	return p.p_flag&SPAGED != 0 || p.p_space != nil && p.p_space.s_paged
}

// cowFault handles a write to a copy-on-write page at va by the running
// process: a copy for it, or the page itself if no one else uses it. False
// if va is not such a page (the fault is the process's own).
func cowFault(va uint32) bool {
	p := GetUser().u_procp
	if va >= USER_SPACE_SIZE || !paged(p) {
		return false
	}
	pte := userPTE(p.p_pgdir, va)
	if *pte&PG_P == 0 || *pte&PG_COW == 0 {
		return false
	}
	pa := *pte &^ (PAGE_SIZE - 1)
	copied := uint32(0)
	if pageRef[pageIndex(pa)] == 1 {
		*pte = *pte&^PG_COW | PG_W
	} else {
		copied = 1
		npa := CoreMap.Alloc(PAGE_SIZE)
		if npa == 0 {
			return false // no memory for the copy: the process gets SIGSEGV
		}
		hw.CopyBytes(PhysToVirt(npa), PhysToVirt(pa), PAGE_SIZE)
		pageRef[pageIndex(pa)]--
		pageRef[pageIndex(npa)] = 1
		*pte = npa | PG_P | PG_W | PG_U
		cowCopied++
	}
	hw.Invlpg(uintptr(va))
	tracePoint(TRACE_COW, uintptr(va&^(PAGE_SIZE-1)|copied)) // bit 0: copied
	return true
}

// releasePages gives back the data and stack pages of an address space
// (pgdir, md): each loses a use, and the entries are cleared.
func releasePages(pgdir uint32, md *MemoryDescriptor) {
	releaseRange(pgdir, md.m_DataStartAddress, md.m_DataSize)
	releaseRange(pgdir, USER_SPACE_SIZE-md.m_StackSize, md.m_StackSize)
}

func releaseRange(pgdir, va, size uint32) {
	e := PhysToVirt(pgdir+PAGE_SIZE) + uintptr(va>>12)*4
	end := e + uintptr(size>>12)*4
	for ; e < end; e += 4 {
		pte := *(*uint32)(unsafe.Pointer(e))
		if pte&PG_P != 0 {
			i := pte >> 12
			pageRef[i]--
			if pageRef[i] == 0 {
				CoreMap.Free(PAGE_SIZE, pte&^(PAGE_SIZE-1))
			}
		}
		*(*uint32)(unsafe.Pointer(e)) = 0
	}
}

func releasePage(pgdir, va uint32) { releaseRange(pgdir, va, PAGE_SIZE) }

// ReleasePaged gives back a paged process's pages before exit or exec; its
// image is its ppda alone afterwards.
func ReleasePaged(p *Process) {
	if p.p_flag&SPAGED == 0 {
		return
	}
	releasePages(p.p_pgdir, &GetUser().u_MemoryDescriptor)
	p.p_flag &^= SPAGED
	p.p_size = USIZE
}

// growPaged maps n new zeroed pages at va for a paged process (brk, stack
// growth); false, with nothing mapped, if memory is short.
func growPaged(p *Process, va, n uint32) bool {
	for i := uint32(0); i < n; i++ {
		pa := CoreMap.Alloc(PAGE_SIZE)
		if pa == 0 {
			for j := uint32(0); j < i; j++ {
				releasePage(p.p_pgdir, va+j*PAGE_SIZE)
			}
			return false
		}
		hw.FillWords(PhysToVirt(pa), 0, PAGE_SIZE/4)
		pageRef[pageIndex(pa)] = 1
		*userPTE(p.p_pgdir, va+i*PAGE_SIZE) = pa | PG_P | PG_W | PG_U
	}
	p.p_size += n * PAGE_SIZE
	hw.FlushTLB()
	return true
}

// shrinkPaged gives back n pages at va.
func shrinkPaged(p *Process, va, n uint32) {
	for i := uint32(0); i < n; i++ {
		releasePage(p.p_pgdir, va+i*PAGE_SIZE)
	}
	p.p_size -= n * PAGE_SIZE
	hw.FlushTLB()
}

// Cowstat is cowstat(&stats): pages shared by forks, pages copied by write
// faults, and bytes of free memory (ours, for the COW demo and tests).
func Cowstat() {
	u := GetUser()
	s := [3]uint32{cowShared, cowCopied, CoreMap.free}
	CopyOut(uintptr(u.u_arg[0]), uintptr(unsafe.Pointer(&s)), 12)
}
