package build

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
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
		SysDirs: []string{"userland/include"},
		// The system's files come from src; a program of the user's
		// (v6vm run prog.c) may include its own headers from beside it.
		ReadFile: func(p string) ([]byte, error) {
			b, err := fs.ReadFile(src, strings.TrimPrefix(p, "./"))
			if err != nil {
				if hb, herr := os.ReadFile(p); herr == nil {
					return hb, nil
				}
			}
			return b, err
		},
	}
	s, err := cc.Compile(cfg, name, string(text))
	if err != nil {
		return "", err
	}
	ccCache.Store(key, s)
	return s, nil
}

// ClearCache forgets every compiled file, for benchmarks of a cold build.
func ClearCache() {
	for _, c := range []*sync.Map{&ccCache, &binCache} {
		c.Range(func(k, _ any) bool {
			c.Delete(k)
			return true
		})
	}
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
	return asm.Assemble(LinkNeeded(srcs, lib), asm.Options{TextAddr: UserText, Entry: "_start"})
}

// LinkNeeded is what a linker does with an archive: of the library's
// files, it keeps crt0 and those defining a global that the program, or a
// file already kept, refers to. A program that prints nothing does not
// carry printf. References are found by scanning for names, so a file may
// be kept that is not strictly needed, never dropped when it is.
func LinkNeeded(prog, lib []asm.Source) []asm.Source {
	defs := map[string]int{} // global -> index in lib
	for i, f := range lib {
		for _, g := range globalsOf(f.Text) {
			defs[g] = i
		}
	}
	kept := make([]bool, len(lib))
	var queue []asm.Source
	queue = append(queue, prog...)
	for i, f := range lib {
		if strings.HasSuffix(f.Name, "crt0.s") {
			kept[i] = true
			queue = append(queue, f)
		}
	}
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		for _, name := range namesIn(f.Text) {
			if i, ok := defs[name]; ok && !kept[i] {
				kept[i] = true
				queue = append(queue, lib[i])
			}
		}
	}
	out := append([]asm.Source{}, prog...)
	for i, f := range lib {
		if kept[i] {
			out = append(out, f)
		}
	}
	return out
}

// globalsOf lists the names a file exports with .globl/.global.
func globalsOf(text []byte) []string {
	var gs []string
	for _, line := range strings.Split(string(text), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && (f[0] == ".globl" || f[0] == ".global") {
			for _, g := range strings.Split(strings.Join(f[1:], ""), ",") {
				if g != "" && !strings.HasPrefix(g, ";") {
					gs = append(gs, g)
				}
			}
		}
	}
	return gs
}

// namesIn lists the identifiers in a file's text (comments included: a
// superset is safe).
func namesIn(text []byte) []string {
	var names []string
	start := -1
	for i := 0; i <= len(text); i++ {
		ident := i < len(text) && (text[i] == '_' || text[i] == '.' || text[i] == '$' ||
			'a' <= text[i] && text[i] <= 'z' || 'A' <= text[i] && text[i] <= 'Z' || start >= 0 && '0' <= text[i] && text[i] <= '9')
		switch {
		case ident && start < 0:
			start = i
		case !ident && start >= 0:
			names = append(names, string(text[start:i]))
			start = -1
		}
	}
	return names
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
