package tests

import (
	"testing"

	"v6vm/tools/fs"
)

// TestFSDirectoryLoop: hard links to directories, which could make loops,
// are refused with EPERM; the image stays consistent.
func TestFSDirectoryLoop(t *testing.T) {
	img := diskImage(t, 0, "fs_dirloop")
	r := runDisk(t, "fs_dirloop", diskOpts{Disk: img})
	want := "link of a directory into itself: -1, EPERM\nlink of a directory elsewhere: -1, EPERM\nremoved: 0\n"
	if r.Out != want {
		t.Errorf("got:\n%s\nwant:\n%s", r.Out, want)
	}
	if rep := fs.Check(img); !rep.OK() {
		t.Errorf("fsck: %s", rep)
	}
}
