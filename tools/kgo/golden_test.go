package kgo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"
)

// TestGolden pins the assembly of a few small programs: the code shape is
// part of the contract (students read it; the frame tricks rely on it).
// Run `go test -run TestGolden -update` after an intended change.
func TestGolden(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir("testdata/golden"), goldie.WithNameSuffix(".s.golden"))
	files, _ := filepath.Glob("testdata/golden/*.go")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".go")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out, err := Compile([]File{{Name: filepath.Base(f), Text: string(src)}})
			if err != nil {
				t.Fatal(err)
			}
			g.Assert(t, name, []byte(out.Asm))
		})
	}
}
