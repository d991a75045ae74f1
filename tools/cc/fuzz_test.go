package cc

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary text through the whole compiler: it must
// report errors, never panic. The seeds are the test programs.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"testdata/run/*.c", "testdata/errors/*.c", "testdata/rt/*.c"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(string(b))
		}
	}
	f.Add("int f(int (*g)(int), ...) { struct { int a[2]; } s = {{1}}; return g(s.a[1])[0]; }")
	f.Add("typedef struct s S; S *p; int x = sizeof(S); struct s { S *next; } y = { &y };")
	f.Add("int a[] = { [3] = 1, 2 }, *b = a + 4, c = (int)&a; char d[] = {\"x\"};")
	f.Fuzz(func(t *testing.T, src string) {
		cfg := &Config{IncludeDirs: []string{"testdata/include"}}
		prog, err := Check(cfg, "fuzz.c", src)
		if err != nil || prog == nil {
			return
		}
		if err := Generate(io.Discard, prog, nil); err != nil {
			t.Fatalf("back end rejected a checked program: %v", err)
		}
	})
}
