package fs

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"
)

func sample(t testing.TB, size int) []byte {
	t.Helper()
	big := bytes.Repeat([]byte("0123456789abcdef"), 40000) // 640000 bytes: double-indirect
	img, err := Mkfs(size, []File{
		TTY,
		{Path: "/init", Data: []byte("init"), Mode: 0755},
		{Path: "/bin/ls", Data: []byte("ls program"), Mode: 0755},
		{Path: "/usr/big", Data: big},
		{Path: "/usr/mid", Data: big[:100000]},
		{Path: "/tmp", Mode: IFDIR | 0777},
		{Path: "/empty"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func TestMkfsCheckClean(t *testing.T) {
	img := sample(t, DefaultSize)
	r := Check(img)
	if !r.OK() {
		t.Fatalf("fresh image not clean:\n%s", r)
	}
	if r.Files != 11 || r.Dirs != 5 {
		t.Errorf("files %d dirs %d, want 11 and 5:\n%s", r.Files, r.Dirs, r)
	}
	if r.Used+r.Free != DefaultSize/SectorSize-DataStart {
		t.Errorf("used %d + free %d != data zone", r.Used, r.Free)
	}
}

func TestReadBack(t *testing.T) {
	img := sample(t, DefaultSize)
	m, err := Open(img)
	if err != nil {
		t.Fatal(err)
	}
	got, err := m.ReadFile("/usr/big")
	if err != nil || !bytes.Equal(got, bytes.Repeat([]byte("0123456789abcdef"), 40000)) {
		t.Fatalf("/usr/big: %v, %d bytes", err, len(got))
	}
	names, err := m.ReadDir("/")
	sort.Strings(names)
	if err != nil || strings.Join(names, " ") != "bin dev empty init tmp usr" {
		t.Errorf("ReadDir(/) = %v, %v", names, err)
	}
	_, in, err := m.Stat("/dev/tty")
	if err != nil || in.Mode&IFMT != IFCHR {
		t.Errorf("/dev/tty: %v %#o", err, in.Mode)
	}
	_, in, _ = m.Stat("/")
	if in.Nlink != 6 { // . .. and the .. of bin dev tmp usr
		t.Errorf("root nlink %d, want 6", in.Nlink)
	}
	if _, err := m.ReadFile("/nope"); err == nil {
		t.Error("reading /nope worked")
	}
}

func TestMkfsErrors(t *testing.T) {
	if _, err := Mkfs(100*SectorSize, nil); err == nil {
		t.Error("tiny image accepted")
	}
	if _, err := Mkfs((DataStart+20)*SectorSize, []File{{Path: "/f", Data: make([]byte, 30*SectorSize)}}); err == nil {
		t.Error("files larger than the disk accepted")
	}
	if _, err := Mkfs(DefaultSize, []File{{Path: "/a/" + strings.Repeat("x", 30)}}); err == nil {
		t.Error("long name accepted")
	}
}

// TestCheckFindsDamage: each kind of damage is reported, precisely.
func TestCheckFindsDamage(t *testing.T) {
	ino := func(img []byte, path string) int {
		m, _ := Open(img)
		n, _, err := m.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	tests := []struct {
		name   string
		damage func(img []byte)
		want   string
	}{
		{"nlink", func(img []byte) {
			n := ino(img, "/init")
			in := getInode(img, n)
			in.Nlink = 3
			putInode(img, n, &in)
		}, "link count 3, but 1 directory entries name it"},
		{"dup block", func(img []byte) {
			a, b := getInode(img, ino(img, "/init")), getInode(img, ino(img, "/bin/ls"))
			b.Addr[0] = a.Addr[0]
			putInode(img, ino(img, "/bin/ls"), &b)
		}, "used by inode"},
		{"lost block", func(img []byte) {
			n := ino(img, "/empty")
			in := getInode(img, n)
			in.Addr[0] = 0
			putInode(img, ino(img, "/init"), &Inode{Mode: IALLOC | 0755, Nlink: 1, Size: 0})
		}, "blocks neither in a file nor free"},
		{"orphan", func(img []byte) {
			putInode(img, 500, &Inode{Mode: IALLOC | 0644, Nlink: 1})
		}, "inode 500: allocated (mode 0100644, 1 links) but in no directory"},
		{"free entry", func(img []byte) {
			n := ino(img, "/bin/ls")
			putInode(img, n, &Inode{})
		}, "/bin/ls: names free inode"},
		{"bad block", func(img []byte) {
			n := ino(img, "/init")
			in := getInode(img, n)
			in.Addr[0] = 5
			putInode(img, n, &in)
		}, ": block 5 outside the data zone"},
		{"superblock", func(img []byte) { setSB(img, offNfree, 5000) }, "s_nfree 5000 out of range"},
		{"beyond size", func(img []byte) {
			n := ino(img, "/usr/mid")
			in := getInode(img, n)
			in.Size = 10
			putInode(img, n, &in)
		}, "beyond its size 10"},
		{"free and used", func(img []byte) {
			setSB(img, offFree+4*3, getInode(img, ino(img, "/init")).Addr[0])
		}, "used by inode"},
		{"dotdot", func(img []byte) {
			n := ino(img, "/tmp")
			in := getInode(img, n)
			setWord(img, in.Addr[0], 8, 7) // the .. entry's inode
		}, `second entry is ".." -> 7`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := sample(t, 2<<20)
			tt.damage(img)
			r := Check(img)
			if r.OK() || !strings.Contains(r.String(), tt.want) {
				t.Errorf("want a problem with %q, got:\n%s", tt.want, r)
			}
		})
	}
}

func FuzzCheck(f *testing.F) {
	img, err := Mkfs((DataStart+300)*SectorSize, []File{TTY, {Path: "/init", Data: make([]byte, 70000)},
		{Path: "/usr/big", Data: bytes.Repeat([]byte{1}, 2000)}, {Path: "/tmp", Mode: IFDIR | 0777}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(0, []byte{0xFF})
	f.Add(SuperSector*SectorSize+8, []byte{1, 2, 3, 4})
	f.Add(InodeStart*SectorSize+64+16, []byte{0x10, 0x20})
	f.Add(DataStart*SectorSize, []byte{7, 7, 7, 7, 7, 7, 7, 7})
	f.Fuzz(func(t *testing.T, off int, patch []byte) {
		d := append([]byte(nil), img...)
		if off < 0 {
			off = -off
		}
		off %= len(d)
		copy(d[off:], patch)
		r := Check(d) // must not panic or loop
		_ = r.String()
		if m, err := Open(d); err == nil {
			for _, p := range []string{"/init", "/usr/big", "/tmp", "/dev/tty"} {
				m.ReadFile(p)
				m.ReadDir(p)
			}
		}
	})
}

func Example() {
	img, _ := Mkfs(2<<20, []File{{Path: "/hello", Data: []byte("hi\n")}})
	fmt.Print(Check(img))
	// Output:
	// 2 files (1 directories), 2 blocks used, 3070 free
	//   clean
}
