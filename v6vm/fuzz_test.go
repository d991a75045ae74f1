package v6vm

import (
	"bytes"
	"testing"

	"v6vm/v6vm/isa"
)

// FuzzUserCode runs arbitrary bytes as user-mode code with paging on and
// the timer interrupting. The kernel (the standard script layout, see
// exec_script_test.go) resumes after timer ticks and int 0x80 and powers off
// with the vector as status on any other trap. Whatever the bytes, the
// machine must only trap: no host panic, no hang (MaxInstructions bounds
// the run), no double fault, no fault raised in kernel mode.
//
//	go test -fuzz FuzzUserCode ./v6vm
func FuzzUserCode(f *testing.F) {
	seeds := []string{
		"mov eax, 1\nadd eax, ebx\njmp 0x1000",
		"int 0x80\njmp 0x1000",
		"int 0x20",
		"mov ecx, -1\nmov esi, 0x2000\nmov edi, 0x3000\nrep movsb",
		"mov ecx, -1\nmov edi, 0x7ff0\nrep stosd",
		"mov esp, 0x1000\npush eax",
		"jmp 0x9000",
		"mov dword [0x1006], 0xa5\nnop",
		"mov eax, 0x80000000\nmov ebx, -1\ncdq\nidiv ebx",
		"cli",
		"popf\npushf\niret",
		"mov eax, [0xfffffffe]",
		"call 0xffffff00",
	}
	for _, s := range seeds {
		code, err := assembleAt("seed", 1, s, scrCode)
		if err != nil {
			// Multi-line seeds: assemble line by line.
			code = nil
			for _, line := range bytes.Split([]byte(s), []byte("\n")) {
				b, err := assembleAt("seed", 1, string(line), scrCode+uint32(len(code)))
				if err != nil {
					f.Fatalf("seed %q: %v", line, err)
				}
				code = append(code, b...)
			}
		}
		f.Add(code)
	}
	f.Add([]byte{0xff, 0xff, 0xff})
	f.Add([]byte{byte(isa.MovRM), 0, 0x99, 0, 0, 0, 0, 0})
	f.Add([]byte{byte(isa.RepMovsd)})
	f.Add(bytes.Repeat([]byte{byte(isa.PushR), 0}, 100))

	f.Fuzz(func(t *testing.T, code []byte) {
		if len(code) > 0x3000 {
			code = code[:0x3000]
		}
		m := newFuzzMachine(code)
		var bad []TrapInfo
		m.SetHooks(Hooks{Trap: func(_ *Machine, ti TrapInfo) {
			if ti.Kind == TrapException && !ti.FromUser {
				bad = append(bad, ti)
			}
		}})
		status, err := m.Run()
		if err != nil && err != ErrLimit {
			t.Fatalf("machine stopped: %v", err)
		}
		if err == nil {
			switch status {
			case isa.VecDivide, isa.VecInvalid, isa.VecGP, isa.VecPage:
			default:
				t.Fatalf("powered off with status %d: no such trap can come from user mode", status)
			}
		}
		if len(bad) > 0 {
			t.Fatalf("kernel-mode exception %+v", bad[0])
		}
		if m.Icount > 20000+1<<16 {
			t.Fatalf("ran to time %d, past the instruction limit", m.Icount)
		}
	})
}

// newFuzzMachine is the script machine with code at 0x1000 running in user
// mode, the timer every 37 instructions, and a kernel handler for every
// vector: EOI and iret for the timer, iret for int 0x80, power off with
// the vector as status for the rest.
func newFuzzMachine(code []byte) *Machine {
	var con bytes.Buffer
	m := newScriptMachine(&con)
	m.cfg.MaxInstructions = 20000
	for v := uint32(0); v < 256; v++ {
		h := scrHandlers + 16*v
		var text []byte
		switch v {
		case 0x20:
			text = isa.Append(isa.Append(nil, isa.Inst{Op: isa.OutIR8, Imm: PortPICEOI}), isa.Inst{Op: isa.Iret})
		case 0x80:
			text = isa.Append(nil, isa.Inst{Op: isa.Iret})
		default:
			text = isa.Append(isa.Append(nil, isa.Inst{Op: isa.MovRI, R1: isa.EAX, Imm: v}),
				isa.Inst{Op: isa.OutIR32, Imm: PortPower, R1: isa.EAX})
		}
		copy(m.mem[h:h+16], text)
		le.PutUint32(m.mem[scrIDT+v*8+4:], isa.GatePresent) // all present; kernel only
	}
	le.PutUint32(m.mem[scrIDT+0x80*8+4:], isa.GatePresent|isa.GateTrap|isa.GateUser)
	copy(m.mem[scrCode:], code)
	m.setMode(true)
	m.IF = true
	m.timer.program(0, 37)
	return m
}
