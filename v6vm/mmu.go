package v6vm

import (
	"encoding/binary"

	"v6vm/v6vm/isa"
)

var le = binary.LittleEndian

// Access kinds for walk.
const (
	accRead  = 0
	accWrite = 1
	accFetch = 2
)

// Results of walk.
const (
	walkOK        = iota
	walkFault     // page fault; errCode says why
	walkBadMemory // the translation points outside physical memory
)

// walk translates va as the given mode would, without touching the TLB.
func (c *CPU) walk(va uint32, acc int, user bool) (pa, errCode uint32, res int) {
	pa, errCode, _, res = c.walkGlobal(va, acc, user)
	return pa, errCode, res
}

// walkGlobal is walk that also says whether the page is global.
func (c *CPU) walkGlobal(va uint32, acc int, user bool) (pa, errCode uint32, global bool, res int) {
	if c.CR0&cr0PG == 0 {
		if va >= uint32(len(c.mem)) {
			return va, 0, false, walkBadMemory
		}
		return va, 0, false, walkOK
	}
	code := uint32(0)
	if acc == accWrite {
		code |= isa.PFWrite
	}
	if acc == accFetch {
		code |= isa.PFFetch
	}
	if user {
		code |= isa.PFUser
	}
	pdeAddr := c.CR3&^pageMask + (va>>22)*4
	if pdeAddr > uint32(len(c.mem))-4 {
		return pdeAddr, 0, false, walkBadMemory
	}
	pde := le.Uint32(c.mem[pdeAddr:])
	if pde&isa.PTEPresent == 0 {
		return 0, code, false, walkFault
	}
	pteAddr := pde&^pageMask + (va>>pageShift&0x3FF)*4
	if pteAddr > uint32(len(c.mem))-4 {
		return pteAddr, 0, false, walkBadMemory
	}
	pte := le.Uint32(c.mem[pteAddr:])
	if pte&isa.PTEPresent == 0 {
		return 0, code, false, walkFault
	}
	perm := pde & pte
	if user && perm&isa.PTEUser == 0 || acc == accWrite && perm&isa.PTEWritable == 0 {
		return 0, code | isa.PFPresent, false, walkFault
	}
	pa = pte&^pageMask | va&pageMask
	if pa >= uint32(len(c.mem)) {
		return pa, 0, false, walkBadMemory
	}
	return pa, 0, pte&isa.PTEGlobal != 0, walkOK
}

// translate is walk for the running program: it raises #PF (or stops the
// machine on a machine check) and fills the TLB on success. A write to a
// page holding decoded instructions drops them first.
func (c *CPU) translate(va uint32, acc int) uint32 {
	pa, code, global, res := c.walkGlobal(va, acc, c.User)
	switch res {
	case walkFault:
		c.CR2 = va
		c.raise(isa.VecPage, code, true)
	case walkBadMemory:
		c.machineCheck(va, pa)
	}
	ppn := pa >> pageShift
	tag := va>>pageShift | c.modeKey
	i := (va >> pageShift) & tlbMask
	if acc == accWrite {
		if c.code[ppn] != nil {
			c.dropCode(ppn)
		}
		if !c.noWTLB {
			c.tlbW[i] = tlbEntry{tag, ppn << pageShift}
			c.tlbWG[i] = global
		}
	}
	c.tlbR[i] = tlbEntry{tag, ppn << pageShift}
	c.tlbRG[i] = global
	return pa
}

// rd32 and wr32 are the TLB-hit halves of read32 and write32, small enough
// to inline into the run loop (a function containing the slow-path call is
// not): the loop calls them and falls back to readSlow/writeSlow on a miss.
func (c *CPU) rd32(va uint32) (uint32, bool) {
	e := &c.tlbR[(va>>pageShift)&tlbMask]
	if e.tag == va>>pageShift|c.modeKey && va&pageMask <= pageSize-4 {
		return le.Uint32(c.mem[e.base|va&pageMask:]), true
	}
	return 0, false
}

func (c *CPU) wr32(va, v uint32) bool {
	e := &c.tlbW[(va>>pageShift)&tlbMask]
	if e.tag == va>>pageShift|c.modeKey && va&pageMask <= pageSize-4 {
		le.PutUint32(c.mem[e.base|va&pageMask:], v)
		return true
	}
	return false
}

// The memory accessors below have a fast path that inlines into the run
// loop (one TLB compare) and a slow path that walks the page tables.

func (c *CPU) read32(va uint32) uint32 {
	e := &c.tlbR[(va>>pageShift)&tlbMask]
	if e.tag == va>>pageShift|c.modeKey && va&pageMask <= pageSize-4 {
		return le.Uint32(c.mem[e.base|va&pageMask:])
	}
	return c.readSlow(va, 4)
}

func (c *CPU) read16(va uint32) uint32 {
	e := &c.tlbR[(va>>pageShift)&tlbMask]
	if e.tag == va>>pageShift|c.modeKey && va&pageMask <= pageSize-2 {
		return uint32(le.Uint16(c.mem[e.base|va&pageMask:]))
	}
	return c.readSlow(va, 2)
}

func (c *CPU) read8(va uint32) uint32 {
	e := &c.tlbR[(va>>pageShift)&tlbMask]
	if e.tag == va>>pageShift|c.modeKey {
		return uint32(c.mem[e.base|va&pageMask])
	}
	return c.readSlow(va, 1)
}

func (c *CPU) write32(va, v uint32) {
	e := &c.tlbW[(va>>pageShift)&tlbMask]
	if e.tag == va>>pageShift|c.modeKey && va&pageMask <= pageSize-4 {
		le.PutUint32(c.mem[e.base|va&pageMask:], v)
		return
	}
	c.writeSlow(va, v, 4)
}

func (c *CPU) write16(va, v uint32) {
	e := &c.tlbW[(va>>pageShift)&tlbMask]
	if e.tag == va>>pageShift|c.modeKey && va&pageMask <= pageSize-2 {
		le.PutUint16(c.mem[e.base|va&pageMask:], uint16(v))
		return
	}
	c.writeSlow(va, v, 2)
}

func (c *CPU) write8(va, v uint32) {
	e := &c.tlbW[(va>>pageShift)&tlbMask]
	if e.tag == va>>pageShift|c.modeKey {
		c.mem[e.base|va&pageMask] = byte(v)
		return
	}
	c.writeSlow(va, v, 1)
}

// readSlow reads n bytes at va, byte by byte across a page boundary. Every
// page is translated before anything is returned, so a fault is precise.
func (c *CPU) readSlow(va uint32, n int) uint32 {
	pa := c.translate(va, accRead)
	if int(va&pageMask)+n <= pageSize {
		switch n {
		case 4:
			return le.Uint32(c.mem[pa:])
		case 2:
			return uint32(le.Uint16(c.mem[pa:]))
		}
		return uint32(c.mem[pa])
	}
	pa2 := c.translate((va+uint32(n)-1)&^pageMask, accRead) // CR2 = the first byte on that page
	var v uint32
	for i := 0; i < n; i++ {
		a := va + uint32(i)
		p := pa + uint32(i)
		if a&pageMask < va&pageMask {
			p = pa2 | a&pageMask
		}
		v |= uint32(c.mem[p]) << (8 * i)
	}
	return v
}

// writeSlow writes n bytes at va; both pages of a crossing write are
// translated before the first byte is stored.
func (c *CPU) writeSlow(va, v uint32, n int) {
	pa := c.translate(va, accWrite)
	pa2 := pa
	cross := int(va&pageMask)+n > pageSize
	if cross {
		pa2 = c.translate((va+uint32(n)-1)&^pageMask, accWrite)
	}
	if c.m.hooks.Write != nil {
		c.m.hooks.Write(c.m, va, pa, uint32(n), v)
	}
	if !cross {
		switch n {
		case 4:
			le.PutUint32(c.mem[pa:], v)
		case 2:
			le.PutUint16(c.mem[pa:], uint16(v))
		default:
			c.mem[pa] = byte(v)
		}
		return
	}
	for i := 0; i < n; i++ {
		a := va + uint32(i)
		p := pa + uint32(i)
		if a&pageMask < va&pageMask {
			p = pa2 | a&pageMask
		}
		c.mem[p] = byte(v >> (8 * i))
	}
}

// rmw32 prepares a read-modify-write of the 32-bit word at va: it checks the
// word may be written (faulting now, before anything changes) and returns its
// physical address. A word that crosses pages is bounced through the 4 spare
// bytes past the end of memory and stored back by commit32.
func (c *CPU) rmw32(va uint32) uint32 {
	e := &c.tlbW[(va>>pageShift)&tlbMask]
	if e.tag == va>>pageShift|c.modeKey && va&pageMask <= pageSize-4 {
		return e.base | va&pageMask
	}
	pa := c.translate(va, accWrite)
	if va&pageMask <= pageSize-4 {
		if c.m.hooks.Write != nil {
			c.rmwVA, c.rmwCross = va, true // report the store in commit32
			bounce := uint32(len(c.mem))
			le.PutUint32(c.mem[bounce:bounce+4:bounce+4+4], le.Uint32(c.mem[pa:]))
			return bounce
		}
		return pa
	}
	c.translate((va+3)&^pageMask, accWrite)
	v := c.readSlow(va, 4)
	bounce := uint32(len(c.mem))
	le.PutUint32(c.mem[bounce:bounce+4:bounce+4+4], v)
	c.rmwVA, c.rmwCross = va, true
	return bounce
}

func (c *CPU) ld32(pa uint32) uint32 { return le.Uint32(c.mem[pa : pa+4 : pa+4+4]) }

// commit32 stores the result of a read-modify-write prepared by rmw32.
func (c *CPU) commit32(pa, v uint32) {
	if !c.rmwCross {
		le.PutUint32(c.mem[pa:], v)
		return
	}
	c.rmwCross = false
	c.writeSlow(c.rmwVA, v, 4)
}

// fetchPage makes c.cur the decoded-instruction page holding eip.
func (c *CPU) fetchPage(eip uint32) {
	pa := c.fetchTranslate(eip)
	ppn := pa >> pageShift
	p := c.code[ppn]
	if p == nil {
		p = c.newCodePage(ppn)
	}
	c.cur = p
	c.curKey = eip>>pageShift | c.modeKey
}

// fetchTranslate translates an instruction address. Fetches use the TLB as
// reads do (there is no separate permission for execution), so a stale
// entry stays in use for code too until invlpg or a cr3 write.
func (c *CPU) fetchTranslate(va uint32) uint32 {
	if e := &c.tlbR[(va>>pageShift)&tlbMask]; e.tag == va>>pageShift|c.modeKey {
		return e.base | va&pageMask
	}
	return c.translate(va, accFetch)
}

// newCodePage starts caching decoded instructions of a physical page. Write
// TLB entries for the page are dropped, so that any store to it takes the
// slow path, which drops the cache: code that is written is decoded again.
func (c *CPU) newCodePage(ppn uint32) *codePage {
	var p *codePage
	if n := len(c.freePage); n > 0 {
		p = c.freePage[n-1]
		c.freePage = c.freePage[:n-1]
		p.inst = [pageSize]isa.Inst{}
	} else {
		p = new(codePage)
	}
	p.ppn = ppn
	c.code[ppn] = p
	base := ppn << pageShift
	for i := range c.tlbW {
		if c.tlbW[i].base == base {
			c.tlbW[i].tag = noKey
		}
	}
	return p
}

// dropCode forgets the decoded instructions of a physical page.
func (c *CPU) dropCode(ppn uint32) {
	p := c.code[ppn]
	c.code[ppn] = nil
	c.freePage = append(c.freePage, p)
	if c.cur == p {
		c.curKey = noKey
	}
}

// invalidatePhys drops decoded code in [pa, pa+n): for writes that do not go
// through the CPU (DMA, the loader, host pokes).
func (c *CPU) invalidatePhys(pa, n uint32) {
	if n == 0 {
		return
	}
	for ppn := pa >> pageShift; ppn <= (pa+n-1)>>pageShift && int(ppn) < len(c.code); ppn++ {
		if c.code[ppn] != nil {
			c.dropCode(ppn)
		}
	}
}

// decode returns the decoded instruction at eip, whose page is c.cur.
func (c *CPU) decode(eip uint32) *isa.Inst {
	off := eip & pageMask
	base := c.cur.ppn << pageShift
	op := &isa.Table[c.mem[base|off]]
	if !op.Valid() {
		c.raise(isa.VecInvalid, 0, false)
	}
	n := uint32(op.Len())
	if off+n <= pageSize {
		in, err := isa.Decode(c.mem[base|off : base|off+n])
		if err != nil {
			c.raise(isa.VecInvalid, 0, false)
		}
		c.cur.inst[off] = in
		return &c.cur.inst[off]
	}
	// The instruction crosses into the next page: fetch that page's bytes
	// through the MMU (it may fault) and do not cache the result, since the
	// next page's mapping can change independently.
	var buf [16]byte
	k := copy(buf[:], c.mem[base|off:base+pageSize])
	pa2 := c.fetchTranslate((eip + n - 1) &^ pageMask)
	copy(buf[k:n], c.mem[pa2:])
	in, err := isa.Decode(buf[:n])
	if err != nil {
		c.raise(isa.VecInvalid, 0, false)
	}
	c.curKey = noKey // fetchPage translated another page; re-check next time
	c.scratch = in
	return &c.scratch
}
