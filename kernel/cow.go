//go:build v6vm

package kernel

import (
	"unsafe"

	"v6vm/kernel/hw"
)

// Copy-on-write fork, a boot option (v6vm boot/run --cow; V6++ has none:
// its fork always copies the image). fork then copies only the ppda and
// shares the parent's two user page tables, whole: the child's page
// directory points at the same tables, and both sides' directory entries
// become read-only with PG_COW, so a fork costs the same for any image
// size. The first write by either side through a shared table faults; the
// fault handler gives the writer its own copy of the table (its page
// directory has room for it), in which — and in the shared one — each data
// and stack page becomes read-only with PG_COW, one more user each. The
// write then faults at the page, and the handler copies the page for the
// writer — unless no one else uses it any more, when it only makes it
// writable again. The last user of a shared table takes it back without
// copying anything.
//
// Each physical page of such a "paged" process has a reference count, in
// tables (a shared table counts once) — and so does each shared table, in
// page directories. Images are no longer contiguous, so exit, exec, brk and
// stack growth work page by page for them.

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

// userPDE is the page-directory entry for user address va in pgdir.
func userPDE(pgdir uint32, va uint32) *uint32 {
	return (*uint32)(unsafe.Pointer(PhysToVirt(pgdir) + uintptr(va>>22)*4))
}

// userPTE is the page-table entry of user address va in page directory
// pgdir: in the page directory's own table, or in a table it shares.
func userPTE(pgdir uint32, va uint32) *uint32 {
	table := *userPDE(pgdir, va) &^ (PAGE_SIZE - 1)
	return (*uint32)(unsafe.Pointer(PhysToVirt(table) + uintptr(va>>12&1023)*4))
}

// ownTable is the page table of pgdir's block that maps the 4 MiB of user
// space holding va (the two follow the directory).
func ownTable(pgdir uint32, va uint32) uint32 {
	return pgdir + PAGE_SIZE + va>>22*PAGE_SIZE
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

// shareTables makes the child page directory dst share src's two user
// page tables: each becomes a table of its own page (the first time, a
// copy of src's), one more user, read-only in both directories. False if
// memory for a table is short (nothing is shared then).
func shareTables(src, dst uint32) bool {
	for va := uint32(0); va < USER_SPACE_SIZE; va += 1 << 22 {
		pde := userPDE(src, va)
		if *pde&PG_COW == 0 {
			// The table is src's own, in its directory's block:
			// move it to a page of its own, which outlives src.
			// (If memory runs out for the second, src keeps the
			// first so: alone on it, its next write takes it back.)
			table := CoreMap.Alloc(PAGE_SIZE)
			if table == 0 {
				return false
			}
			hw.CopyBytes(PhysToVirt(table), PhysToVirt(ownTable(src, va)), PAGE_SIZE)
			pageRef[pageIndex(table)] = 1
			*pde = table | PG_P | PG_U | PG_COW
		}
	}
	for va := uint32(0); va < USER_SPACE_SIZE; va += 1 << 22 {
		pde := userPDE(src, va)
		pageRef[pageIndex(*pde)]++
		*userPDE(dst, va) = *pde
	}
	return true
}

// unshareTable gives the running process (or its address space, md) its
// own copy of the shared page table that maps va: each data and stack page
// in it gets one more user, and becomes copy-on-write in both tables. The
// last user of a shared table takes it back as it is.
func unshareTable(pgdir uint32, md *MemoryDescriptor, va uint32) {
	pde := userPDE(pgdir, va)
	shared := *pde &^ (PAGE_SIZE - 1)
	own := ownTable(pgdir, va)
	hw.CopyBytes(PhysToVirt(own), PhysToVirt(shared), PAGE_SIZE)
	copied := uintptr(0)
	if pageRef[pageIndex(shared)] == 1 {
		pageRef[pageIndex(shared)] = 0
		CoreMap.Free(PAGE_SIZE, shared)
	} else {
		copied = 1
		pageRef[pageIndex(shared)]--
		w := window(va)
		copyOnWrite(shared, own, w, md.m_DataStartAddress, md.m_DataSize)
		copyOnWrite(shared, own, w, USER_SPACE_SIZE-md.m_StackSize, md.m_StackSize)
	}
	*pde = own | PG_P | PG_W | PG_U
	hw.FlushTLB()
	tracePoint(TRACE_COW, uintptr(window(va))|2|copied) // bit 1: a page table
}

// window is the first address of the 4 MiB one page table maps.
func window(va uint32) uint32 { return va &^ (1<<22 - 1) }

// clip is the part of [va, va+size) that the page table of the 4 MiB
// from w maps: empty (lo >= hi) if none.
func clip(w, va, size uint32) (lo, hi uint32) {
	lo, hi = va, va+size
	if lo < w {
		lo = w
	}
	if hi > w+1<<22 {
		hi = w + 1<<22
	}
	return lo, hi
}

// copyOnWrite marks the pages [va, va+size) that tables a and b (mapping
// the 4 MiB from w) both map read-only and PG_COW, one more user each.
func copyOnWrite(a, b, w, va, size uint32) {
	lo, hi := clip(w, va, size)
	if lo >= hi {
		return
	}
	off := uintptr(lo-w) >> 12 * 4
	ea := PhysToVirt(a) + off
	eb := PhysToVirt(b) + off
	end := ea + uintptr(hi-lo)>>12*4
	for ; ea < end; ea, eb = ea+4, eb+4 {
		pte := *(*uint32)(unsafe.Pointer(ea))
		if pte&PG_P != 0 {
			pte = pte&^PG_W | PG_COW
			*(*uint32)(unsafe.Pointer(ea)) = pte
			*(*uint32)(unsafe.Pointer(eb)) = pte
			pageRef[pte>>12]++
		}
	}
}

// ownTables gives the running process its own copy of any shared table
// that maps [va, va+size), before the kernel changes entries there.
func ownTables(p *Process, va, size uint32) {
	md := &GetUser().u_MemoryDescriptor
	for w := window(va); w < va+size; w += 1 << 22 {
		if *userPDE(p.p_pgdir, w)&PG_COW != 0 {
			unshareTable(p.p_pgdir, md, w)
		}
	}
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
	// The text comes with the tables.
	if !shareTables(parent.p_pgdir, pgdir) {
		FreePageDirectory(pgdir)
		CoreMap.Free(USIZE, addr)
		return -1
	}
	hw.FlushTLB() // the parent's directory entries became read-only
	cowShared += (md.m_DataSize + md.m_StackSize) >> 12
	child := pm.cloneEntry(slot, parent)
	child.p_size = parent.p_size
	child.p_addr = addr
	child.p_pgdir = pgdir
	child.p_flag |= SPAGED

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
	if *userPDE(p.p_pgdir, va)&PG_COW != 0 {
		// First the table: the write faults again at the page if it
		// is shared too.
		unshareTable(p.p_pgdir, &GetUser().u_MemoryDescriptor, va)
		return true
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
// (pgdir, md): each loses a use, and the entries are cleared. A shared
// table loses a use instead, its pages only with the table's last.
func releasePages(pgdir uint32, md *MemoryDescriptor) {
	for w := uint32(0); w < USER_SPACE_SIZE; w += 1 << 22 {
		pde := userPDE(pgdir, w)
		table := *pde &^ (PAGE_SIZE - 1)
		if *pde&PG_COW != 0 {
			*pde = ownTable(pgdir, w) | PG_P | PG_W | PG_U
			hw.FillWords(PhysToVirt(ownTable(pgdir, w)), 0, PAGE_SIZE/4)
			pageRef[pageIndex(table)]--
			if pageRef[pageIndex(table)] == 1 {
				giveBack(table, w)
				continue // the pages are the last user's
			}
			if pageRef[pageIndex(table)] != 0 {
				continue // still shared: the others' pages
			}
			CoreMap.Free(PAGE_SIZE, table)
		}
		releaseRange(table, w, md.m_DataStartAddress, md.m_DataSize)
		releaseRange(table, w, USER_SPACE_SIZE-md.m_StackSize, md.m_StackSize)
	}
}

// giveBack makes a shared table whose last user is left (mapping the 4 MiB
// from w) that user's own table again, as its next write through it would:
// so once every other side of a fork has gone, memory is what it was.
func giveBack(table, w uint32) {
	for i := int32(0); i < ProcMgr.high; i++ {
		q := &ProcMgr.process[i]
		if q.p_stat == SNULL || q.p_stat == SZOMB {
			continue
		}
		pde := userPDE(q.p_pgdir, w)
		if *pde&PG_COW == 0 || *pde&^(PAGE_SIZE-1) != table {
			continue
		}
		own := ownTable(q.p_pgdir, w)
		hw.CopyBytes(PhysToVirt(own), PhysToVirt(table), PAGE_SIZE)
		*pde = own | PG_P | PG_W | PG_U
		pageRef[pageIndex(table)] = 0
		CoreMap.Free(PAGE_SIZE, table)
		if q.p_pgdir == GetUser().u_procp.p_pgdir {
			hw.FlushTLB()
		}
		return
	}
}

// releaseRange drops the pages [va, va+size) that table (mapping the 4 MiB
// from w) maps, clearing their entries. (A table just freed is still read:
// nothing allocates memory meanwhile.)
func releaseRange(table, w, va, size uint32) {
	lo, hi := clip(w, va, size)
	if lo >= hi {
		return
	}
	e := PhysToVirt(table) + uintptr(lo-w)>>12*4
	end := e + uintptr(hi-lo)>>12*4
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

// releasePage drops the running process's page at va (brk shrinking).
func releasePage(p *Process, va uint32) {
	ownTables(p, va, PAGE_SIZE)
	releaseRange(ownTable(p.p_pgdir, va), window(va), va, PAGE_SIZE)
}

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
	ownTables(p, va, n*PAGE_SIZE)
	for i := uint32(0); i < n; i++ {
		pa := CoreMap.Alloc(PAGE_SIZE)
		if pa == 0 {
			for j := uint32(0); j < i; j++ {
				releasePage(p, va+j*PAGE_SIZE)
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
		releasePage(p, va+i*PAGE_SIZE)
	}
	p.p_size -= n * PAGE_SIZE
	hw.FlushTLB()
}

// Cowstat is cowstat(&stats): pages shared by forks, pages copied by write
// faults, and bytes of free memory (ours, for the COW demo and tests).
func Cowstat() {
	u := GetUser()
	s := [3]uint32{cowShared, cowCopied, CoreMap.free}
	if CopyOut(uintptr(u.u_arg[0]), uintptr(unsafe.Pointer(&s)), 12) {
		u.u_ar0.eax = 0
	}
}
