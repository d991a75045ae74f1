package build

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"v6vm/asm"
	"v6vm/tools/cc"
	"v6vm/v6vm/exe"
)

// The C library: userland/lib's .c and .s files, compiled once per content
// and linked into every program.

// ccCache keeps compiled assembly by source content (and name, for the
// line table), so the C library is compiled once per process.
var ccCache sync.Map // [32]byte -> string

func compileC(src fs.FS, name string, text []byte) (string, error) {
	key := sha256.Sum256(append([]byte(name+"\x00"), text...))
	if s, ok := ccCache.Load(key); ok {
		return s.(string), nil
	}
	cfg := &cc.Config{
		SysDirs:  []string{"userland/include"},
		ReadFile: func(p string) ([]byte, error) { return fs.ReadFile(src, strings.TrimPrefix(p, "./")) },
	}
	s, err := cc.Compile(cfg, name, string(text))
	if err != nil {
		return "", err
	}
	ccCache.Store(key, s)
	return s, nil
}

// Libc returns the C library as assembly sources.
func Libc(src fs.FS) ([]asm.Source, error) {
	entries, err := fs.ReadDir(src, "userland/lib")
	if err != nil {
		return nil, err
	}
	var out []asm.Source
	for _, e := range entries {
		name := path.Join("userland/lib", e.Name())
		if e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(src, name)
		if err != nil {
			return nil, err
		}
		switch path.Ext(name) {
		case ".s":
			out = append(out, asm.Source{Name: name, Text: b})
		case ".c":
			s, err := compileC(src, name, b)
			if err != nil {
				return nil, err
			}
			out = append(out, asm.Source{Name: name + ".s", Text: []byte(s)})
		}
	}
	return out, nil
}

// UserC compiles a C program (its files given by name and text) and links
// it with crt0 and the C library.
func UserC(src fs.FS, files ...asm.Source) (*exe.File, error) {
	var srcs []asm.Source
	for _, f := range files {
		if strings.HasSuffix(f.Name, ".s") {
			srcs = append(srcs, f)
			continue
		}
		s, err := compileC(src, f.Name, f.Text)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, asm.Source{Name: f.Name + ".s", Text: []byte(s)})
	}
	lib, err := Libc(src)
	if err != nil {
		return nil, fmt.Errorf("the C library: %w", err)
	}
	return asm.Assemble(append(srcs, lib...), asm.Options{TextAddr: UserText, Entry: "_start"})
}

// UserProgram builds userland/bin/NAME.c.
func UserProgram(src fs.FS, name string) (*exe.File, error) {
	p := path.Join("userland/bin", name+".c")
	b, err := fs.ReadFile(src, p)
	if err != nil {
		return nil, err
	}
	return UserC(src, asm.Source{Name: p, Text: b})
}
