package v6vm

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"v6vm/asm"
)

// Machine-level tests: bare-metal programs assembled by asm run on a
// machine at power-on (kernel mode, paging and interrupts off).

// gates is assembly that installs handlers in a vector table at 0x82000
// and sets up a kernel stack; each argument is "vector handler".
func gates(list ...string) string {
	var b strings.Builder
	b.WriteString("\tmov esp, 0x90000\n")
	for _, g := range list {
		var v int
		var h string
		fmt.Sscanf(g, "%v %s", &v, &h)
		fmt.Fprintf(&b, "\tmov dword [0x82000+%d*8], %s\n\tmov dword [0x82000+%d*8+4], 1\n", v, h, v)
	}
	b.WriteString("\tmov eax, 0x82000\n\tmov idtr, eax\n")
	return b.String()
}

// event is one thing a hook saw, at a virtual time.
type event struct {
	t    uint64
	what string
}

// runKernel assembles src, loads it and runs it, recording traps and port
// writes.
func runKernel(t *testing.T, src string, cfg Config) (m *Machine, status int, err error, events []event, out string) {
	t.Helper()
	f, aerr := asm.Assemble([]asm.Source{{Name: t.Name() + ".s", Text: []byte(src)}}, asm.Options{})
	if aerr != nil {
		t.Fatal(aerr)
	}
	var con bytes.Buffer
	cfg.Console = &con
	if cfg.MaxInstructions == 0 {
		cfg.MaxInstructions = 1e6
	}
	m = New(cfg)
	m.SetHooks(Hooks{
		Trap: func(m *Machine, ti TrapInfo) {
			events = append(events, event{m.Icount, fmt.Sprintf("trap 0x%x", ti.Vector)})
		},
		IO: func(m *Machine, port uint16, v uint32, size int, isOut bool) {
			if isOut {
				events = append(events, event{m.Icount, fmt.Sprintf("out 0x%x", port)})
			}
		},
	})
	if lerr := m.Load(f); lerr != nil {
		t.Fatal(lerr)
	}
	status, err = m.Run()
	return m, status, err, events, con.String()
}

func whats(ev []event, keep func(string) bool) []string {
	var l []string
	for _, e := range ev {
		if keep(e.what) {
			l = append(l, e.what)
		}
	}
	return l
}

func find(ev []event, what string) (event, bool) {
	for _, e := range ev {
		if e.what == what {
			return e, true
		}
	}
	return event{}, false
}

// TestSelfModifyingCode: stores into code that has already been decoded
// (through the same address, an alias, one ahead in the running page, by
// rep stos) are seen when the code runs again.
func TestSelfModifyingCode(t *testing.T) {
	cases := []struct {
		name, src string
		want      int
	}{
		{"call again", `
_start:	mov esp, 0x90000
	call f
	mov ebx, eax
	mov dword [f+2], 2		# the imm32 of "mov eax, 1"
	call f
	add ebx, eax
	mov eax, ebx
	out 0xf4, eax
f:	mov eax, 1
	ret
`, 3},
		{"straight line", `
_start:	mov eax, 0
	mov dword [next+2], 5
next:	mov eax, 1
	out 0xf4, eax
`, 5},
		{"rep stosb", `
_start:	mov edi, next+2
	mov eax, 7
	mov ecx, 1
	rep stosb
next:	mov eax, 1
	out 0xf4, eax
`, 7},
		{"byte store in a loop", `
_start:	mov ecx, 3
	mov ebx, 0
loop:	add ebx, 1
	mov byte [loop+2], 10		# add ebx, 1 becomes add ebx, 10
	sub ecx, 1
	jne loop
	mov eax, ebx
	out 0xf4, eax
`, 21},
		{"through an alias", `
_start:	mov esp, 0x90000
	mov edi, 0x81000		# identity-map 4 MiB, and again at 4 MiB
	mov eax, 3
	mov ecx, 1024
.map:	mov [edi], eax
	add eax, 0x1000
	add edi, 4
	sub ecx, 1
	jne .map
	mov dword [0x80000], 0x81003
	mov dword [0x80004], 0x81003
	mov eax, 0x80000
	mov cr3, eax
	mov eax, 0x80000000
	mov cr0, eax
	call f
	mov ebx, eax
	mov dword [f+0x400000+2], 2	# the same physical bytes, another page
	call f
	add ebx, eax
	mov eax, ebx
	out 0xf4, eax
f:	mov eax, 1
	ret
`, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, status, err, _, _ := runKernel(t, c.src, Config{})
			if err != nil || status != c.want {
				t.Errorf("status %d, %v; want %d (a stale decoded instruction would give another)", status, err, c.want)
			}
		})
	}
}

// TestDMAIntoCode: a disk read over code that has run drops its decoded
// instructions.
func TestDMAIntoCode(t *testing.T) {
	f, err := asm.Assemble([]asm.Source{{Name: "sector.s", Text: []byte("mov eax, 7\nret\n")}}, asm.Options{})
	if err != nil {
		t.Fatal(err)
	}
	disk := make([]byte, 4*SectorSize)
	copy(disk, f.Text)
	src := `
_start:	mov esp, 0x90000
	call f
	mov ebx, eax
	mov eax, 0
	out 0x1f0, eax			# sector 0
	mov eax, 1
	out 0x1f1, eax			# one sector
	mov eax, f
	out 0x1f2, eax			# into f
	mov eax, 1
	out 0x1f3, eax			# read
.poll:	in eax, 0x1f4
	test eax, 4
	je .poll
	call f
	add ebx, eax
	mov eax, ebx
	out 0xf4, eax
	.align 16
f:	mov eax, 1
	ret
`
	_, status, err, _, _ := runKernel(t, src, Config{Disk: disk, DiskLatency: 50})
	if err != nil || status != 8 {
		t.Errorf("status %d, %v; want 8 (1 before the DMA, 7 after)", status, err)
	}
}

// TestNestedInterrupts: a disk interrupt in service does not block the
// timer (line 0 outranks line 14); the timer in service blocks the disk
// until its EOI.
func TestNestedInterrupts(t *testing.T) {
	t.Run("timer nests in disk", func(t *testing.T) {
		src := `
_start:
` + gates("0x20 timer", "0x2e disk") + `
	mov eax, 0xbffe			# unmask lines 0 and 14
	out 0x21, ax
	mov eax, 1
	out 0x1f1, eax			# one sector from 0 to 0x50000
	mov eax, 0x50000
	out 0x1f2, eax
	mov eax, 1
	out 0x1f3, eax
	sti
.idle:	hlt
	jmp .idle
disk:	sti				# let higher priority lines in
	mov eax, 1000
	out 0x40, eax			# a tick 1000 instructions from now
	mov ecx, 2000
.spin:	sub ecx, 1
	jne .spin
	out 0x20, al			# EOI for the disk
	mov eax, [count]
	out 0xf4, eax
timer:	inc dword [count]
	mov eax, 0
	out 0x40, eax			# no more ticks
	out 0x20, al			# EOI for the timer
	iret
	.data
count:	.long 0
`
		_, status, err, ev, _ := runKernel(t, src, Config{Disk: make([]byte, 4*SectorSize), DiskLatency: 100})
		got := whats(ev, func(s string) bool { return strings.HasPrefix(s, "trap") || s == "out 0x20" })
		want := []string{"trap 0x2e", "trap 0x20", "out 0x20", "out 0x20"}
		if err != nil || status != 1 || !slices.Equal(got, want) {
			t.Errorf("status %d, %v, events %v; want 1, nil, %v", status, err, got, want)
		}
	})
	t.Run("disk waits for timer EOI", func(t *testing.T) {
		src := `
_start:
` + gates("0x20 timer", "0x2e disk") + `
	mov eax, 0xbffe
	out 0x21, ax
	mov eax, 100
	out 0x40, eax
	sti
.idle:	hlt
	jmp .idle
timer:	mov eax, 0
	out 0x40, eax			# one tick only
	mov eax, 1
	out 0x1f1, eax
	mov eax, 0x50000
	out 0x1f2, eax
	mov eax, 1
	out 0x1f3, eax			# the disk completes 100 instructions later
	sti
	mov ecx, 1000
.spin:	sub ecx, 1
	jne .spin
	out 0x20, al			# EOI for the timer: now the disk may interrupt
	mov eax, 9
	out 0xf4, eax
disk:	out 0x20, al
	mov eax, 0
	out 0xf4, eax
`
		_, status, err, ev, _ := runKernel(t, src, Config{Disk: make([]byte, 4*SectorSize), DiskLatency: 100})
		got := whats(ev, func(s string) bool { return strings.HasPrefix(s, "trap") || s == "out 0x20" })
		want := []string{"trap 0x20", "out 0x20", "trap 0x2e", "out 0x20"}
		if err != nil || status != 0 || !slices.Equal(got, want) {
			t.Fatalf("status %d, %v, events %v; want 0, nil, %v", status, err, got, want)
		}
		cmd, _ := find(ev, "out 0x1f3")
		eoi, _ := find(ev, "out 0x20")
		disk, _ := find(ev, "trap 0x2e")
		if cmd.t+100 >= eoi.t || disk.t != eoi.t {
			t.Errorf("disk command at %d (done at %d), timer EOI at %d, disk interrupt at %d: want done before the EOI and the interrupt at it",
				cmd.t, cmd.t+100, eoi.t, disk.t)
		}
	})
	t.Run("a line does not nest in itself", func(t *testing.T) {
		src := `
_start:
` + gates("0x20 timer") + `
	mov eax, 100
	out 0x40, eax
	sti
.idle:	hlt
	jmp .idle
timer:	add dword [depth], 1
	mov eax, [depth]
	cmp eax, [maxd]
	jbe .1
	mov [maxd], eax
.1:	sti				# ticks keep coming during the spin
	mov ecx, 300
.spin:	sub ecx, 1
	jne .spin
	cli
	sub dword [depth], 1
	add dword [n], 1
	out 0x20, al
	cmp dword [n], 3
	jne .ret
	mov eax, [maxd]
	out 0xf4, eax			# status: the deepest nesting seen
.ret:	iret
	.data
depth:	.long 0
maxd:	.long 0
n:	.long 0
`
		_, status, err, _, _ := runKernel(t, src, Config{})
		if err != nil || status != 1 {
			t.Errorf("status %d, %v; want 1 (a tick in service blocks the next)", status, err)
		}
	})
	t.Run("masked line waits", func(t *testing.T) {
		src := `
_start:
` + gates("0x20 timer") + `
	mov eax, 0xffff			# everything masked
	out 0x21, ax
	mov eax, 50
	out 0x40, eax
	sti
	mov ecx, 200
.spin:	sub ecx, 1
	jne .spin			# ticks are raised but masked
	mov eax, 0xfffe
	out 0x21, ax			# unmask: one pending tick arrives now
	mov eax, 2
	out 0xf4, eax
timer:	mov eax, 0
	out 0x40, eax
	out 0xf4, eax
`
		_, status, err, ev, _ := runKernel(t, src, Config{})
		if err != nil || status != 0 {
			t.Fatalf("status %d, %v; want 0 (the timer handler)", status, err)
		}
		var unmask event
		for _, e := range ev {
			if e.what == "out 0x21" {
				unmask = e
			}
		}
		if tr, _ := find(ev, "trap 0x20"); tr.t != unmask.t {
			t.Errorf("timer delivered at %d, unmasked at %d", tr.t, unmask.t)
		}
	})
}

// TestHalt: hlt skips virtual time to the next device event; halting with
// interrupts off, or with nothing that could interrupt, stops the machine
// with an error that says so.
func TestHalt(t *testing.T) {
	src := `
_start:
` + gates("0x20 timer") + `
	mov eax, 100000
	out 0x40, eax
	sti
	hlt
	mov eax, 1			# not reached: the handler powers off
	out 0xf4, eax
timer:	mov eax, 0
	out 0xf4, eax
`
	m, status, err, ev, _ := runKernel(t, src, Config{})
	prog, _ := find(ev, "out 0x40")
	tick, _ := find(ev, "trap 0x20")
	if err != nil || status != 0 || tick.t != prog.t+100000 || m.Icount > prog.t+100000+5 {
		t.Errorf("status %d, %v; timer programmed at %d, tick at %d, stopped at %d: want the tick exactly 100000 later",
			status, err, prog.t, tick.t, m.Icount)
	}

	for _, c := range []struct{ src, want string }{
		{"cli\nhlt\n", "halted with interrupts disabled"},
		{"sti\nhlt\n", "waiting for an interrupt that no device will raise"},
		// The timer runs but its line is masked: it can never interrupt.
		{"mov eax, 0xffff\nout 0x21, ax\nmov eax, 10\nout 0x40, eax\nsti\nhlt\n", "waiting for an interrupt that no device will raise"},
		// The timer's line is in service (no EOI): the same.
		{gates("0x20 timer") + "mov eax, 10\nout 0x40, eax\nsti\n.w: hlt\njmp .w\ntimer: sti\nhlt\n", "waiting for an interrupt that no device will raise"},
	} {
		// No instruction limit: these must stop by themselves.
		_, _, err, _, _ := runKernel(t, "_start:\n"+c.src, Config{MaxInstructions: 1 << 62})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want an error containing %q", c.src, err, c.want)
		}
	}
}

// TestDoubleFault: an exception whose gate is missing stops the machine.
func TestDoubleFault(t *testing.T) {
	_, _, err, _, _ := runKernel(t, "_start:\n\tud2\n", Config{})
	if err == nil || !strings.Contains(err.Error(), "double fault delivering vector 6") {
		t.Errorf("ud2 with no vector table: %v", err)
	}
	src := `
_start:
` + gates("0x80 sys") + `
	mov eax, 0xa000			# a kernel stack that is not there
	mov esp0, eax
	mov dword [0x82000+0x80*8+4], 7
	mov edi, 0x81000		# identity map, user, but for 0x9000
	mov eax, 7
	mov ecx, 1024
.map:	mov [edi], eax
	add eax, 0x1000
	add edi, 4
	sub ecx, 1
	jne .map
	mov dword [0x81000+9*4], 0
	mov dword [0x80000], 0x81007
	mov eax, 0x80000
	mov cr3, eax
	mov eax, 0x80000000
	mov cr0, eax
	push 0x7000
	push 0x20002
	push user
	iret
user:	int 0x80
sys:	mov eax, 0
	out 0xf4, eax
`
	_, _, err, _, _ = runKernel(t, src, Config{})
	if err == nil || !strings.Contains(err.Error(), "double fault delivering vector 128") || !strings.Contains(err.Error(), "kernel stack") {
		t.Errorf("int 0x80 with esp0 unmapped: %v", err)
	}
}

// TestDeterminism: the same seed places timer ticks at the same virtual
// times; another seed (with jitter) places them elsewhere; each period is
// within [period, period+jitter].
func TestDeterminism(t *testing.T) {
	src := func(jitter int) string {
		return fmt.Sprintf(`
_start:
%s
	mov eax, %d
	out 0x41, eax
	mov eax, 97
	out 0x40, eax
	sti
.loop:	add ebx, 1
	jmp .loop
timer:	out 0x20, al
	iret
`, gates("0x20 timer"), jitter)
	}
	ticks := func(seed uint64, jitter int) []uint64 {
		_, _, err, ev, _ := runKernel(t, src(jitter), Config{Seed: seed, MaxInstructions: 30000})
		if err != ErrLimit {
			t.Fatalf("run: %v", err)
		}
		var l []uint64
		for _, e := range ev {
			if e.what == "trap 0x20" {
				l = append(l, e.t)
			}
		}
		return l
	}
	a, b, c := ticks(1, 50), ticks(1, 50), ticks(2, 50)
	if len(a) < 100 || !slices.Equal(a, b) {
		t.Errorf("seed 1 twice: %d ticks %v... and %d ticks %v...", len(a), a[:min(5, len(a))], len(b), b[:min(5, len(b))])
	}
	if slices.Equal(a, c) {
		t.Errorf("seeds 1 and 2 gave the same ticks")
	}
	for i := 1; i < len(a); i++ {
		if d := a[i] - a[i-1]; d < 97 || d > 97+50 {
			t.Errorf("tick %d after %d instructions, want 97..147", i, d)
			break
		}
	}
	if x, y := ticks(1, 0), ticks(2, 0); !slices.Equal(x, y) {
		t.Errorf("without jitter the seed should not matter")
	} else {
		for i := 1; i < len(x); i++ {
			if x[i]-x[i-1] != 97 {
				t.Errorf("without jitter: tick %d after %d instructions, want 97", i, x[i]-x[i-1])
				break
			}
		}
	}
}

// TestConsoleInput: input bytes arrive one at a time while the CPU idles,
// each raising line 1 when the receive interrupt is enabled.
func TestConsoleInput(t *testing.T) {
	src := `
_start:
` + gates("0x21 rx") + `
	mov eax, 0xfffd			# unmask line 1
	out 0x21, ax
	mov eax, 1
	out 0x3fa, eax			# receive interrupt on
	sti
.idle:	hlt
	jmp .idle
rx:	in eax, 0x3f9
	test eax, 1
	je .none
	in eax, 0x3f8
	out 0x3f8, al			# echo
	cmp eax, '.'
	jne .none
	mov eax, 0
	out 0xf4, eax
.none:	out 0x20, al
	iret
`
	_, status, err, ev, out := runKernel(t, src, Config{Input: []byte("ab.")})
	if err != nil || status != 0 || out != "ab." {
		t.Errorf("status %d, %v, output %q; want 0, nil, \"ab.\"", status, err, out)
	}
	if n := len(whats(ev, func(s string) bool { return s == "trap 0x21" })); n != 3 {
		t.Errorf("%d receive interrupts, want 3", n)
	}
}

// TestDiskTransfer: a write then a read move whole sectors by DMA; a
// transfer past the end of the disk sets the error bit.
func TestDiskTransfer(t *testing.T) {
	src := `
_start:	mov dword [0x40000], 0x11223344
	mov dword [0x401fc], 0x55667788
	mov eax, 2
	out 0x1f0, eax			# sector 2
	mov eax, 1
	out 0x1f1, eax
	mov eax, 0x40000
	out 0x1f2, eax
	mov eax, 2
	out 0x1f3, eax			# write
	call wait
	mov eax, 0x50000
	out 0x1f2, eax
	mov eax, 1
	out 0x1f3, eax			# read it back elsewhere
	call wait
	mov ebx, [0x50000]
	cmp ebx, 0x11223344
	jne bad
	mov ebx, [0x501fc]
	cmp ebx, 0x55667788
	jne bad
	mov eax, 4
	out 0x1f0, eax			# sectors 4-5 of a 5-sector disk: out of range
	mov eax, 2
	out 0x1f1, eax
	mov eax, 1
	out 0x1f3, eax
	call wait
	and eax, 2			# the error bit
	out 0xf4, eax
bad:	mov eax, 9
	out 0xf4, eax
wait:	in eax, 0x1f4
	test eax, 1
	jne wait
	ret
`
	src = strings.Replace(src, "_start:", "_start:\tmov esp, 0x90000\n", 1)
	disk := make([]byte, 5*SectorSize)
	_, status, err, _, _ := runKernel(t, src, Config{Disk: disk, DiskLatency: 30})
	if err != nil || status != 2 {
		t.Errorf("status %d, %v; want 2 (data back intact, then the error bit)", status, err)
	}
	if le.Uint32(disk[2*SectorSize:]) != 0x11223344 || le.Uint32(disk[3*SectorSize-4:]) != 0x55667788 {
		t.Errorf("disk image sector 2 not written")
	}
}

// pagingPrologue starts a test program: kernel mode, the first 4 MiB
// identity-mapped by the page table at 0x81000 (directory at 0x80000), and
// a second, empty table at 0x84000 for 0x400000-0x7fffff. The program
// fills that table and turns paging on.
const pagingPrologue = `
_start:	mov esp, 0x90000
	mov edi, 0x81000		# identity-map 4 MiB, kernel
	mov eax, 3
	mov ecx, 1024
.map:	mov [edi], eax
	add eax, 0x1000
	add edi, 4
	sub ecx, 1
	jne .map
	mov dword [0x80000], 0x81003
	mov dword [0x80004], 0x84003	# 0x400000: a second table
`

// TestStaleCodeTranslation: instruction fetch uses the TLB like data
// access (docs/isa.md: changing a page table without invlpg or a cr3 write
// leaves the old translation in use). Page 0x400000 maps f1's physical page;
// after the PTE is pointed at f2's page, calls still reach f1 until invlpg.
func TestStaleCodeTranslation(t *testing.T) {
	src := pagingPrologue + `
	mov eax, f1
	or eax, 3
	mov [0x84000], eax		# 0x400000 -> f1's page
	mov eax, 0x80000
	mov cr3, eax
	mov eax, 0x80000000
	mov cr0, eax

	mov eax, 0x400000
	call eax			# f1: ebx += 1
	mov eax, f2
	or eax, 3
	mov [0x84000], eax		# 0x400000 -> f2's page, no invlpg
	mov eax, 0x400000
	call eax			# still f1 (stale): ebx += 1
	invlpg [0x400000]
	mov eax, 0x400000
	call eax			# f2: ebx += 10
	mov eax, ebx
	out 0xf4, eax

	.align 4096
f1:	add ebx, 1
	ret
	.align 4096
f2:	add ebx, 10
	ret
`
	_, status, err, _, _ := runKernel(t, src, Config{})
	if err != nil || status != 12 {
		t.Errorf("status %d, %v; want 12 (f1, f1 through the stale entry, then f2)", status, err)
	}
}

// TestGlobalPages: a cr3 write keeps the translations of global pages
// (PTE bit 8) and drops the others; a cr0 write and invlpg drop both
// (docs/isa.md, Paging). Page 0x400000 is global, 0x401000 is not; both
// first map a page holding 1, then their PTEs are pointed at a page
// holding 10. The loads sum what each translation reaches.
func TestGlobalPages(t *testing.T) {
	src := pagingPrologue + `
	mov eax, one
	or eax, 0x103			# global
	mov [0x84000], eax
	mov eax, one
	or eax, 3			# not global
	mov [0x84004], eax
	mov eax, 0x80000
	mov cr3, eax
	mov eax, 0x80000000
	mov cr0, eax

	xor ebx, ebx
	add ebx, [0x400000]		# 1 (global)
	add ebx, [0x401000]		# 1
	mov eax, ten
	or eax, 0x103
	mov [0x84000], eax
	mov eax, ten
	or eax, 3
	mov [0x84004], eax
	mov eax, 0x80000
	mov cr3, eax			# drops 0x401000 only
	add ebx, [0x400000]		# 1: the global translation survived
	add ebx, [0x401000]		# 10
	invlpg [0x400000]
	add ebx, [0x400000]		# 10
	mov eax, one
	or eax, 0x103
	mov [0x84000], eax
	mov eax, 0x80000000
	mov cr0, eax			# drops everything
	add ebx, [0x400000]		# 1
	mov eax, ebx
	out 0xf4, eax

	.align 4096
one:	.long 1
	.align 4096
ten:	.long 10
`
	_, status, err, _, _ := runKernel(t, src, Config{})
	if err != nil || status != 24 {
		t.Errorf("status %d, %v; want 24 (1+1, 1+10 after cr3, 10 after invlpg, 1 after cr0)", status, err)
	}
}
