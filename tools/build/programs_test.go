package build

import (
	"os"
	"testing"
)

// TestUserPrograms compiles every program of userland/bin with tools/cc
// and links it with the C library (and the stand-ins it still needs).
func TestUserPrograms(t *testing.T) {
	src := os.DirFS("../..")
	names, err := BinNames(src)
	if err != nil {
		t.Fatal(err)
	}
	progs, err := UserPrograms(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		f := progs[n]
		if f == nil {
			t.Errorf("%s: not built", n)
			continue
		}
		if _, ok := f.Lookup("main"); !ok {
			t.Errorf("%s: no main", n)
		}
	}
	for _, n := range []string{"sh", "ls", "cat", "echo", "ps", "kill", "forks"} {
		if progs[n] == nil {
			t.Errorf("no program %s", n)
		}
	}
}
