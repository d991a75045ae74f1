package cc

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"
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
		within(t, 10*time.Second, func() {
			cfg := &Config{IncludeDirs: []string{"testdata/include"}}
			prog, err := Check(cfg, "fuzz.c", src)
			if err != nil || prog == nil {
				return
			}
			for _, optimize := range []bool{false, true} {
				if err := Generate(io.Discard, prog, nil, optimize); err != nil {
					t.Errorf("back end rejected a checked program: %v", err)
				}
			}
		})
	})
}

// within runs f and fails the test if it takes longer than d, so that the
// fuzzer records inputs that make the compiler hang or crawl.
// A panic in f fails the test with its stack (rather than killing the
// fuzzing process, which loses the input's minimisation).
func within(t *testing.T, d time.Duration, f func()) {
	done := make(chan any, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Sprintf("panic: %v\n%s", r, debug.Stack())
			}
			close(done)
		}()
		f()
	}()
	select {
	case msg, ok := <-done:
		if ok {
			t.Fatal(msg)
		}
	case <-time.After(d):
		t.Fatalf("took more than %v", d)
	}
}

// TestDeepNesting checks that inputs nested beyond any real program, also
// when built by macros, are errors rather than a stack overflow.
func TestDeepNesting(t *testing.T) {
	deep := 100000
	tests := []struct{ name, src, want string }{
		{"parens", "int x = " + strings.Repeat("(", deep) + "1" + strings.Repeat(")", deep) + ";", "nested too deeply"},
		{"unary", "int x = " + strings.Repeat("-", deep) + "1;", "nested too deeply"},
		{"blocks", "void f(void) " + strings.Repeat("{", deep) + strings.Repeat("}", deep), "nested too deeply"},
		{"initializer", "int x = " + strings.Repeat("{", deep) + "1" + strings.Repeat("}", deep) + ";", "nested too deeply"},
		{"declarator", "int " + strings.Repeat("(", deep/10) + "x" + strings.Repeat(")", deep/10) + ";", "nested too deeply"},
		{"macro parens", "#define P ((((((((((\n#define Q P P P P P P P P P P\n#define R Q Q Q Q Q Q Q Q Q Q\n#define S R R R R R R R R R R\nint x = S S 1;", "nested too deeply"},
		{"if", "#if " + strings.Repeat("!", deep) + "0\n#endif\n", "#if expression nested too deeply"},
		{"macro args", "#define F(x) x\n" + strings.Repeat("F(", deep/10) + "1" + strings.Repeat(")", deep/10), "macro arguments nested too deeply"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Check(nil, "deep.c", tc.src)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}
