package kgo

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDeps: the compiler reaches the back end, the assembler, the
// executable format and the intrinsics' declarations, never the machine
// (only the tests run programs on it).
func TestDeps(t *testing.T) {
	allowed := map[string]bool{
		"v6vm/tools/backend": true, "v6vm/asm": true, "v6vm/v6vm/exe": true,
		HWPath: true, "github.com/hashicorp/go-multierror": true,
	}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if (strings.Contains(path, ".") || strings.HasPrefix(path, "v6vm")) && !allowed[path] {
				t.Errorf("%s imports %s", f, path)
			}
		}
	}
}
