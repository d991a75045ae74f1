package asm

import (
	"go/build"
	"strings"
	"testing"
)

// TestDeps keeps the assembler off the machine: of this project it may
// import only the instruction set and the executable format (DESIGN.md,
// "Parts and layout").
func TestDeps(t *testing.T) {
	p, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"v6vm/v6vm/isa": true, "v6vm/v6vm/exe": true, "github.com/hashicorp/go-multierror": true}
	for _, imp := range p.Imports {
		if (strings.HasPrefix(imp, "v6vm/") || strings.Contains(imp, ".")) && !allowed[imp] {
			t.Errorf("asm imports %s; it may use only %v and the standard library", imp, allowed)
		}
	}
}
