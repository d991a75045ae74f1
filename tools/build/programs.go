package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"v6vm/asm"
	"v6vm/tools/cc"
	"v6vm/v6vm/exe"
)

// The programs of userland/bin. They are written against POSIX, and some
// use calls that the kernel and the C library do not have yet (the file
// system's). Until they do, userland/bin/compat stands in, each piece only
// while the real one is missing, so nothing needs to change when it lands:
//
//   - compat/include is searched after userland/include, so a real
//     <sys/stat.h> or <dirent.h> wins;
//   - compat/*.c is linked only if the C library defines none of its
//     functions;
//   - each of fsCalls that the C library does not define gets a stub that
//     fails with ENOSYS, so a program links and says what is missing.

const (
	binDir        = "userland/bin"
	compatDir     = "userland/bin/compat"
	compatInclude = "userland/bin/compat/include"
)

// fsCalls are the calls the file system brings (POSIX names).
var fsCalls = []string{
	"open", "creat", "lseek", "pipe", "link", "unlink", "chdir", "mknod",
	"mkdir", "rmdir", "stat", "fstat", "sync", "getcwd",
}

const enosys = 100 // ENOSYS in userland/include/errno.h

// binCache keeps compiled assembly by file name and content.
var binCache sync.Map // [32]byte -> string

func compileBin(src fs.FS, name string, text []byte) (string, error) {
	key := sha256.Sum256(append([]byte(name+"\x00"), text...))
	if s, ok := binCache.Load(key); ok {
		return s.(string), nil
	}
	cfg := &cc.Config{
		SysDirs:  []string{"userland/include", compatInclude},
		ReadFile: func(p string) ([]byte, error) { return fs.ReadFile(src, strings.TrimPrefix(p, "./")) },
	}
	s, err := cc.Compile(cfg, name, string(text))
	if err != nil {
		return "", err
	}
	binCache.Store(key, s)
	return s, nil
}

// globals returns the names an assembly source declares .globl.
func globals(text []byte) []string {
	var names []string
	sc := bufio.NewScanner(bytes.NewReader(text))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 2 && f[0] == ".globl" {
			names = append(names, f[1])
		}
	}
	return names
}

// binSupport returns what every program of userland/bin is linked with:
// the C library, and the stand-ins it still needs.
func binSupport(src fs.FS) ([]asm.Source, error) {
	lib, err := Libc(src)
	if err != nil {
		return nil, fmt.Errorf("the C library: %w", err)
	}
	defined := map[string]bool{}
	for _, s := range lib {
		for _, g := range globals(s.Text) {
			defined[g] = true
		}
	}
	out := lib
	entries, err := fs.ReadDir(src, compatDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".c" {
			continue
		}
		name := path.Join(compatDir, e.Name())
		b, err := fs.ReadFile(src, name)
		if err != nil {
			return nil, err
		}
		s, err := compileBin(src, name, b)
		if err != nil {
			return nil, err
		}
		g := globals([]byte(s))
		have := false
		for _, n := range g {
			have = have || defined[n]
		}
		if have {
			continue
		}
		for _, n := range g {
			defined[n] = true
		}
		out = append(out, asm.Source{Name: name + ".s", Text: []byte(s)})
	}
	var stubs strings.Builder
	for _, n := range fsCalls {
		if !defined[n] {
			fmt.Fprintf(&stubs, ".globl %s\n%s:\n\tmov eax, -%d\n\tjmp __syscall_error\n\n", n, n, enosys)
		}
	}
	if stubs.Len() > 0 {
		out = append(out, asm.Source{Name: compatDir + "/enosys.s",
			Text: []byte("; Stubs for calls the C library lacks: they fail with ENOSYS.\n\n" + stubs.String())})
	}
	return out, nil
}

// BinProgram builds userland/bin/NAME.c, with the stand-ins it needs.
func BinProgram(src fs.FS, name string) (*exe.File, error) {
	support, err := binSupport(src)
	if err != nil {
		return nil, err
	}
	return binProgram(src, name, support)
}

func binProgram(src fs.FS, name string, support []asm.Source) (*exe.File, error) {
	p := path.Join(binDir, name+".c")
	b, err := fs.ReadFile(src, p)
	if err != nil {
		return nil, err
	}
	s, err := compileBin(src, p, b)
	if err != nil {
		return nil, err
	}
	srcs := LinkNeeded([]asm.Source{{Name: p + ".s", Text: []byte(s)}}, support)
	f, err := asm.Assemble(srcs, asm.Options{TextAddr: UserText, Entry: "_start"})
	if err != nil {
		return nil, fmt.Errorf("linking %s: %w", p, err)
	}
	return f, nil
}

// BinNames lists the programs of userland/bin (NAME for each NAME.c),
// sorted.
func BinNames(src fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(src, binDir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".c" {
			names = append(names, strings.TrimSuffix(e.Name(), ".c"))
		}
	}
	sort.Strings(names)
	return names, nil
}

// UserPrograms builds every program in userland/bin: NAME.c becomes
// NAME. The errors of all programs are reported together.
func UserPrograms(src fs.FS) (map[string]*exe.File, error) {
	names, err := BinNames(src)
	if err != nil {
		return nil, err
	}
	support, err := binSupport(src)
	if err != nil {
		return nil, err
	}
	progs := map[string]*exe.File{}
	var errs []string
	for _, n := range names {
		f, err := binProgram(src, n, support)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		progs[n] = f
	}
	if len(errs) > 0 {
		return progs, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return progs, nil
}
