package build

import (
	"os"
	"testing"
	"testing/fstest"
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

// TestCache: the second build comes from the cache (the same bytes), and a
// change to a source file makes a new key.
func TestCache(t *testing.T) {
	t.Setenv("V6VM_CACHE", t.TempDir())
	src := os.DirFS("../..")
	k1, err := CachedKernel(src)
	if err != nil {
		t.Fatal(err)
	}
	k2, err := CachedKernel(src)
	if err != nil {
		t.Fatal(err)
	}
	if string(k1.Marshal()) != string(k2.Marshal()) {
		t.Errorf("the cached kernel differs from the built one")
	}
	key, _ := SourceKey(src)
	entries, _ := os.ReadDir(os.Getenv("V6VM_CACHE"))
	if len(entries) != 1 || entries[0].Name() != key+"-kernel" {
		t.Errorf("cache holds %v, want %s-kernel", entries, key)
	}
	other := fstest.MapFS{"kernel/a.go": {Data: []byte("x")}}
	if k, _ := SourceKey(other); k == key {
		t.Errorf("different sources, same key")
	}
}
