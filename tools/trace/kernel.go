// Package trace watches a running v6vm kernel: it names what the kernel
// does (switches with the scheduler's reasoning, system calls, the clock's
// recomputation, sleeps, wakeups, exits) and reads processes' core stacks
// symbolically. It only reads machine state: the kernel announces events
// on its trace ports (kernel/trap.go, tracePoint) and this package reads the
// process table and stacks at those moments, through the machine's hooks.
package trace

import (
	"encoding/binary"
	"fmt"
	"go/types"
	"io/fs"
	"path"
	"strings"

	"v6vm/tools/kgo"
	"v6vm/v6vm"
	"v6vm/v6vm/exe"
)

// Kernel constants the tools need (kernel/param.go).
const (
	userAddress = 0xC03FF000
	kernelBase  = 0xC0000000
	usize       = 0x1000
	nproc       = 100
)

// State names (Process::ProcessState).
var StatNames = [...]string{"SNULL", "SSLEEP", "SWAIT", "SRUN", "SIDL", "SZOMB", "SSTOP"}

// Kernel is what the tools know about a kernel image: its symbols and line
// table, and the layout of the structures they read, computed by go/types
// from the kernel's sources exactly as the compiler laid them out.
type Kernel struct {
	Exe      *exe.File
	procMgr  uint32
	procSize uint32
	pm       map[string]uint32 // ProcessManager field offsets
	proc     map[string]uint32 // Process field offsets
	user     map[string]uint32 // User field offsets
	mdOff    map[string]uint32 // MemoryDescriptor field offsets
}

// NewKernel reads the layouts from the kernel sources in src (kernel/*.go).
func NewKernel(src fs.FS, k *exe.File) (*Kernel, error) {
	entries, err := fs.ReadDir(src, "kernel")
	if err != nil {
		return nil, err
	}
	var files []kgo.File
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		b, err := fs.ReadFile(src, path.Join("kernel", e.Name()))
		if err != nil {
			return nil, err
		}
		files = append(files, kgo.File{Name: e.Name(), Text: string(b)})
	}
	pkg, sizes, err := kgo.TypeCheck(files)
	if err != nil {
		return nil, err
	}
	kn := &Kernel{Exe: k}
	fields := func(name string) (map[string]uint32, uint32, error) {
		obj := pkg.Scope().Lookup(name)
		if obj == nil {
			return nil, 0, fmt.Errorf("kernel has no type %s", name)
		}
		st, ok := obj.Type().Underlying().(*types.Struct)
		if !ok {
			return nil, 0, fmt.Errorf("kernel type %s is not a struct", name)
		}
		var vars []*types.Var
		for i := 0; i < st.NumFields(); i++ {
			vars = append(vars, st.Field(i))
		}
		offs := sizes.Offsetsof(vars)
		m := map[string]uint32{}
		for i, v := range vars {
			m[v.Name()] = uint32(offs[i])
		}
		return m, uint32(sizes.Sizeof(st)), nil
	}
	if kn.pm, _, err = fields("ProcessManager"); err != nil {
		return nil, err
	}
	if kn.proc, kn.procSize, err = fields("Process"); err != nil {
		return nil, err
	}
	if kn.user, _, err = fields("User"); err != nil {
		return nil, err
	}
	if kn.mdOff, _, err = fields("MemoryDescriptor"); err != nil {
		return nil, err
	}
	s, ok := k.Lookup("ProcMgr")
	if !ok {
		return nil, fmt.Errorf("kernel has no symbol ProcMgr")
	}
	kn.procMgr = s.Value
	return kn, nil
}

// Proc is one process-table entry as read from memory.
type Proc struct {
	Slot                 int
	Pid, Ppid            int32
	Stat, Flag           int32
	Pri, Cpu, Nice, Time int32
	Addr, Size, Pgdir    uint32
	Wchan                uint32
	Sig                  int32
	Comm                 string // from its u area (empty for zombies)
}

func (p Proc) StatName() string {
	if p.Stat >= 0 && int(p.Stat) < len(StatNames) {
		return StatNames[p.Stat]
	}
	return fmt.Sprint(p.Stat)
}

func le32(b []byte, off uint32) uint32 { return binary.LittleEndian.Uint32(b[off:]) }

// read reads kernel virtual memory (mapped the same in every process).
func read(m *v6vm.Machine, va uint32, n int) []byte {
	b, err := m.ReadVirt(0, va, n)
	if err != nil || len(b) < n {
		return make([]byte, n)
	}
	return b
}

// ProcAt reads the entry at kernel address addr.
func (k *Kernel) ProcAt(m *v6vm.Machine, addr uint32) Proc {
	b := read(m, addr, int(k.procSize))
	f := func(name string) uint32 { return le32(b, k.proc[name]) }
	p := Proc{
		Slot: int((addr - k.procMgr - k.pm["process"]) / k.procSize),
		Pid:  int32(f("p_pid")), Ppid: int32(f("p_ppid")), Stat: int32(f("p_stat")), Flag: int32(f("p_flag")),
		Pri: int32(f("p_pri")), Cpu: int32(f("p_cpu")), Nice: int32(f("p_nice")), Time: int32(f("p_time")),
		Addr: f("p_addr"), Size: f("p_size"), Pgdir: f("p_pgdir"), Wchan: f("p_wchan"), Sig: int32(f("p_sig")),
	}
	if p.Stat != 0 && p.Stat != 5 && p.Addr != 0 {
		// Through physical memory: 0xC03FF000 maps the running
		// process's ppda, not process 0's at physical 0x3FF000.
		comm, _ := m.ReadPhys(p.Addr+k.user["u_comm"], 16)
		if i := strings.IndexByte(string(comm), 0); i >= 0 {
			comm = comm[:i]
		}
		p.Comm = string(comm)
	}
	return p
}

// Procs reads the whole process table.
func (k *Kernel) Procs(m *v6vm.Machine) []Proc {
	var ps []Proc
	base := k.procMgr + k.pm["process"]
	for i := 0; i < nproc; i++ {
		ps = append(ps, k.ProcAt(m, base+uint32(i)*k.procSize))
	}
	return ps
}

// PM reads a ProcessManager field (CurPri, RunRun, SwtchNum, lastSelect).
func (k *Kernel) PM(m *v6vm.Machine, field string) int32 {
	return int32(le32(read(m, k.procMgr+k.pm[field], 4), 0))
}

// Current reads the running process: u.u_procp of the mapped u area.
func (k *Kernel) Current(m *v6vm.Machine) Proc {
	p := le32(read(m, userAddress+k.user["u_procp"], 4), 0)
	return k.ProcAt(m, p)
}

// CurrentPid reads the running process's pid, cheaply.
func (k *Kernel) CurrentPid(m *v6vm.Machine) int32 {
	p := le32(read(m, userAddress+k.user["u_procp"], 4), 0)
	return int32(le32(read(m, p+k.proc["p_pid"], 4), 0))
}

// CurrentStat reads the running process's pid and p_stat, cheaply.
func (k *Kernel) CurrentStat(m *v6vm.Machine) (pid, stat int32) {
	p := le32(read(m, userAddress+k.user["u_procp"], 4), 0)
	return int32(le32(read(m, p+k.proc["p_pid"], 4), 0)), int32(le32(read(m, p+k.proc["p_stat"], 4), 0))
}

// PidAt reads the pid of the process-table entry at kernel address addr.
func (k *Kernel) PidAt(m *v6vm.Machine, addr uint32) int32 {
	return int32(le32(read(m, addr+k.proc["p_pid"], 4), 0))
}

// UserWord reads a 32-bit field of the mapped u area (u_arg[i] as
// "u_arg"+4*i via offset).
func (k *Kernel) UserWord(m *v6vm.Machine, field string, index int) uint32 {
	return le32(read(m, userAddress+k.user[field]+uint32(index)*4, 4), 0)
}
