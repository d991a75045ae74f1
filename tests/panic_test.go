package tests

import (
	"bytes"
	"go/types"
	"io/fs"
	"strings"
	"testing"

	"v6vm/tools/boot"
	"v6vm/tools/build"
	"v6vm/tools/kgo"
	"v6vm/v6vm"
)

// TestKernelPanicReports injects a fault the way a kernel bug would make
// one (the test corrupts u_ar0, the pointer to the saved registers, while a
// system call is in progress) and checks that the kernel panics cleanly:
// a message on the debug console, power-off with the panic status, and a
// symbolic backtrace of the kernel stack from the host.
func TestKernelPanicReports(t *testing.T) {
	system(t)
	prog := program(t, "forkret")
	var corrupted bool
	hooks := v6vm.Hooks{IO: func(m *v6vm.Machine, port uint16, v uint32, size int, out bool) {
		// TRACE_SYSCALL of the program's first fork (number 2).
		if corrupted || !out || port != 0xED || v != 7 || kinfo.Current(m).Comm != "forkret" || kinfo.UserWord(m, "u_callno", 0) != 2 {
			return
		}
		corrupted = true
		off := userFieldOffset(t, "u_ar0")
		pa, _ := m.Translate(0, 0xC03FF000+off)
		copy(m.Memory()[pa:], []byte{0, 0, 0, 0})
	}}
	var out bytes.Buffer
	cfg := build.BootConfig{Cmdline: "/init /forkret",
		Files: []build.BootFile{{Name: "/init", Exe: initProg}, {Name: "/forkret", Exe: prog}}}
	r, _, err := boot.Run(kernel, cfg, boot.Options{Console: &out, Hooks: hooks, MaxInstructions: 1e8})
	if err != nil {
		t.Fatal(err)
	}
	if !corrupted || r.Kind != boot.Panic {
		t.Fatalf("want a kernel panic, got %v (corrupted %v)", r, corrupted)
	}
	if !strings.Contains(r.Log, "kernel page fault") || !strings.Contains(r.Log, "panic: exception in kernel mode") {
		t.Errorf("kernel log:\n%s", r.Log)
	}
	for _, want := range []string{"Panic", "Exception", "ExceptionCommon", "trap in kernel mode", "ProcessManager_Fork", "Trap1", "SystemCallEntrance"} {
		if !strings.Contains(r.Backtrace, want) {
			t.Errorf("backtrace lacks %s:\n%s", want, r.Backtrace)
		}
	}
	if r.ExitCode() == 0 {
		t.Errorf("a panic must not look like success")
	}
}

// userFieldOffset finds a u-area field's offset the way the compiler laid it
// out, from the kernel sources.
func userFieldOffset(t *testing.T, field string) uint32 {
	t.Helper()
	var files []kgo.File
	entries, _ := fs.ReadDir(src, "kernel")
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") {
			b, _ := fs.ReadFile(src, "kernel/"+e.Name())
			files = append(files, kgo.File{Name: e.Name(), Text: string(b)})
		}
	}
	pkg, sizes, err := kgo.TypeCheck(files)
	if err != nil {
		t.Fatal(err)
	}
	st := pkg.Scope().Lookup("User").Type().Underlying().(*types.Struct)
	var vars []*types.Var
	for i := 0; i < st.NumFields(); i++ {
		vars = append(vars, st.Field(i))
	}
	offs := sizes.Offsetsof(vars)
	for i, v := range vars {
		if v.Name() == field {
			return uint32(offs[i])
		}
	}
	t.Fatalf("User has no field %s", field)
	return 0
}
