package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMkfsRunFsck: v6vm mkfs makes a system disk, v6vm run --disk runs a
// program from it and one compiled from the host, which writes to it,
// and v6vm fsck finds it clean — then finds the damage done to it.
func TestMkfsRunFsck(t *testing.T) {
	dir := t.TempDir()
	img := filepath.Join(dir, "disk.img")
	note := filepath.Join(dir, "note.txt")
	if err := os.WriteFile(note, []byte("a note\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if status, out := runCaptured(t, "mkfs", "-o", img, "--size", "6", note+":/doc/note"); status != 0 || !strings.Contains(out, "clean") {
		t.Fatalf("mkfs: %d\n%s", status, out)
	}
	if status, out := runCaptured(t, "run", "--disk", img, "/bin/cat", "/doc/note"); status != 0 || out != "a note\n" {
		t.Errorf("run /bin/cat /doc/note: %d %q", status, out)
	}
	prog := filepath.Join(dir, "w.c")
	src := `#include <fcntl.h>
#include <unistd.h>
int main(void) { int fd = creat("/doc/new", 0644); write(fd, "written\n", 8); return close(fd); }
`
	if err := os.WriteFile(prog, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if status, _ := runCaptured(t, "run", "--disk", img, prog); status != 0 {
		t.Errorf("run w.c: %d", status)
	}
	if status, out := runCaptured(t, "run", "--disk", img, "/bin/cat", "/doc/new"); out != "written\n" {
		t.Errorf("the file w.c wrote: %d %q", status, out)
	}
	if status, out := runCaptured(t, "fsck", img); status != 0 || !strings.Contains(out, "clean") {
		t.Errorf("fsck: %d\n%s", status, out)
	}
	b, _ := os.ReadFile(img)
	b[200*512+8] = 0xFF // s_nfree
	os.WriteFile(img, b, 0o644)
	if status, out := runCaptured(t, "fsck", img); status != 1 || !strings.Contains(out, "s_nfree") {
		t.Errorf("fsck of a damaged image: %d\n%s", status, out)
	}
}
