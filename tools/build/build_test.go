package build

import (
	"os"
	"testing"
)

func TestKernelBuilds(t *testing.T) {
	k, err := Kernel(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	for _, sym := range []string{"_start", "Main0", "ProcessManager_NewProc", "ProcessManager_Swtch", "SystemCallEntrance", "Trap", "Clock"} {
		if _, ok := k.Lookup(sym); !ok {
			t.Errorf("kernel has no symbol %s", sym)
		}
	}
	if k.TextAddr != KernelText || k.LoadAddr != KernelLoad {
		t.Errorf("kernel linked at %#x loaded at %#x, want %#x and %#x", k.TextAddr, k.LoadAddr, KernelText, KernelLoad)
	}
}

func BenchmarkKernelBuild(b *testing.B) {
	src := os.DirFS("../..")
	for i := 0; i < b.N; i++ {
		if _, err := Kernel(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUserProgramBuild(b *testing.B) {
	src := os.DirFS("../..")
	for i := 0; i < b.N; i++ {
		if _, err := UserProgram(src, "init"); err != nil {
			b.Fatal(err)
		}
	}
}
