package kgo

import (
	"os"
	"path/filepath"
	"testing"

	"v6vm/v6vm"
)

// BenchmarkVMInstructions runs a few differential programs bare metal and
// reports how many VM instructions each takes: the baseline for work on
// the code generator (go test ./tools/kgo -bench VMInstructions).
func BenchmarkVMInstructions(b *testing.B) {
	for _, name := range []string{"queens", "sieve", "bubblesort", "hanoi", "scheduler", "minikernel"} {
		b.Run(name, func(b *testing.B) {
			text, err := os.ReadFile(filepath.Join("testdata/run", name+".go"))
			if err != nil {
				b.Fatal(err)
			}
			prog, err := Compile([]File{{Name: name + ".go", Text: string(text)}})
			if err != nil {
				b.Fatal(err)
			}
			x, err := Link(prog)
			if err != nil {
				b.Fatal(err)
			}
			var icount uint64
			for i := 0; i < b.N; i++ {
				m := v6vm.New(v6vm.Config{MaxInstructions: 1e9})
				if err := m.Load(x); err != nil {
					b.Fatal(err)
				}
				if _, err := m.Run(); err != nil {
					b.Fatal(err)
				}
				icount = m.Icount
			}
			b.ReportMetric(float64(icount), "instructions")
		})
	}
}
