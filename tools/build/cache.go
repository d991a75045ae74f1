package build

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"v6vm/v6vm/exe"
)

// A cache of built artifacts on the host's disk, keyed by the content of
// the source tree, so that a warm `v6vm boot` or `v6vm run` starts at once
// instead of compiling the kernel and the userland again.

// SourceKey is a hash of every file under kernel/ and userland/ (names and
// contents) and of the running program itself, whose compilers build them:
// anything built from them is the same while it is.
func SourceKey(src fs.FS) (string, error) {
	h := sha256.New()
	h.Write(toolsKey())
	for _, dir := range []string{"kernel", "userland"} {
		var names []string
		err := fs.WalkDir(src, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				names = append(names, p)
			}
			return err
		})
		if err != nil {
			return "", err
		}
		sort.Strings(names)
		for _, n := range names {
			b, err := fs.ReadFile(src, n)
			if err != nil {
				return "", err
			}
			h.Write([]byte(n + "\x00"))
			h.Write(b)
			h.Write([]byte{0})
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
}

var (
	toolsOnce sync.Once
	toolsSum  []byte
)

// toolsKey is a hash of the running executable: a change to the compilers
// or the assembler must not reuse what the old ones built.
func toolsKey() []byte {
	toolsOnce.Do(func() {
		toolsSum = []byte("unknown")
		if path, err := os.Executable(); err == nil {
			if f, err := os.Open(path); err == nil {
				h := sha256.New()
				if _, err := io.Copy(h, f); err == nil {
					toolsSum = h.Sum(nil)
				}
				f.Close()
			}
		}
	})
	return toolsSum
}

// cacheDir is where built artifacts are kept ($V6VM_CACHE, or the user's
// cache directory); "" when there is none (nothing is cached then).
func cacheDir() string {
	if d := os.Getenv("V6VM_CACHE"); d != "" {
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "v6vm")
}

// cached returns the artifact name for key from the cache, or builds it and
// keeps it. The cache is best effort: if it cannot be read or written, the
// artifact is simply built.
func cached(key, name string, build func() ([]byte, error)) ([]byte, error) {
	dir := cacheDir()
	path := filepath.Join(dir, key+"-"+name)
	if dir != "" {
		if b, err := os.ReadFile(path); err == nil {
			return b, nil
		}
	}
	b, err := build()
	if err != nil || dir == "" {
		return b, err
	}
	if os.MkdirAll(dir, 0o755) == nil {
		tmp := path + ".tmp"
		if os.WriteFile(tmp, b, 0o644) == nil {
			os.Rename(tmp, path)
		}
	}
	return b, nil
}

// CachedKernel is Kernel, through the cache.
func CachedKernel(src fs.FS) (*exe.File, error) {
	key, err := SourceKey(src)
	if err != nil {
		return Kernel(src)
	}
	b, err := cached(key, "kernel", func() ([]byte, error) {
		k, err := Kernel(src)
		if err != nil {
			return nil, err
		}
		return k.Marshal(), nil
	})
	if err != nil {
		return nil, err
	}
	k, err := exe.Parse(b)
	if err != nil { // a damaged cache entry: build afresh
		return Kernel(src)
	}
	return k, nil
}

// CachedSystemDisk is SystemDisk(src, 0), through the cache. The caller
// gets its own copy to write.
func CachedSystemDisk(src fs.FS) ([]byte, error) {
	key, err := SourceKey(src)
	if err != nil {
		return SystemDisk(src, 0)
	}
	return cached(key, "disk", func() ([]byte, error) { return SystemDisk(src, 0) })
}
