package build

import (
	"fmt"
	iofs "io/fs"
	"sort"

	"v6vm/tools/fs"
	"v6vm/v6vm/exe"
)

// DiskImage formats a disk image of size bytes (0: fs.DefaultSize) in the
// kernel's file-system layout, holding the executables (path -> program,
// e.g. "/init", "/bin/ls"), the console as /dev/tty, an empty /tmp, and
// any extra files.
func DiskImage(size int, programs map[string]*exe.File, extra ...fs.File) ([]byte, error) {
	if size == 0 {
		size = fs.DefaultSize
	}
	files := []fs.File{fs.TTY, {Path: "/tmp", Mode: fs.IFDIR | 0777}}
	var names []string
	for name := range programs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		files = append(files, fs.File{Path: name, Data: programs[name].Marshal(), Mode: 0755})
	}
	img, err := fs.Mkfs(size, append(files, extra...))
	if err != nil {
		return nil, fmt.Errorf("disk image: %w", err)
	}
	return img, nil
}

// SystemDisk formats the system's disk: init at /init, every other
// program of userland/bin at /bin/NAME, /dev/tty, /tmp, and extra files.
func SystemDisk(src iofs.FS, size int, extra ...fs.File) ([]byte, error) {
	progs, err := UserPrograms(src)
	if err != nil {
		return nil, err
	}
	files := map[string]*exe.File{}
	for name, f := range progs {
		if name == "init" {
			files["/init"] = f
		} else {
			files["/bin/"+name] = f
		}
	}
	return DiskImage(size, files, extra...)
}

// ProgramDisk is the disk v6vm run, trace, explore and debug boot a
// program with: the system's disk (init, /bin, /dev/tty, /tmp; from the
// cache) with prog added at name, so that the program can exec the
// system's commands. The same program gives the same disk, so a seed
// means the same run in every command.
func ProgramDisk(src iofs.FS, name string, prog *exe.File) ([]byte, error) {
	base, err := CachedSystemDisk(src)
	if err != nil {
		return nil, err
	}
	img, err := fs.Open(base)
	if err != nil {
		return nil, fmt.Errorf("the system disk: %v", err)
	}
	names, err := img.ReadDir("/bin")
	if err != nil {
		return nil, fmt.Errorf("the system disk: %v", err)
	}
	files := map[string]*exe.File{}
	for _, path := range append([]string{"/init"}, prefixed("/bin/", names)...) {
		b, err := img.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("the system disk: %v", err)
		}
		if files[path], err = exe.Parse(b); err != nil {
			return nil, fmt.Errorf("the system disk: %s: %v", path, err)
		}
	}
	files[name] = prog
	return DiskImage(0, files)
}

func prefixed(prefix string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}
