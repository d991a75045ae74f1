package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os/exec"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The import graph (DESIGN.md "Parts and layout"), enforced as go/build's
// deps_test.go does. Each row says which of our packages a package may
// import in non-test code, and whether it may import outside the standard
// library. Patterns: "v6vm/x" is that package; "v6vm/x/..." is it and every
// package below. The first row that matches a package applies, and every
// package of ours must match one: a new top-level directory needs a row.
//
// To allow an edge, add the imported pattern to the importer's row; keep
// the graph a DAG a newcomer can draw.
type depRule struct {
	pkg   string
	may   []string // "*" for anything of ours
	third bool     // may import outside the standard library
}

// toolchain is what the compilers, the assembler and the system build may
// import: each other, the ISA and executable format, and kernel/hw (the
// intrinsics the kernel compiler expands).
var toolchain = []string{"v6vm/tools/...", "v6vm/asm/...", "v6vm/v6vm/isa", "v6vm/v6vm/exe", "v6vm/kernel/..."}

var depRules = []depRule{
	// The machine and its ISA and format packages: nothing of ours above them.
	{"v6vm/v6vm/isa", nil, false},
	{"v6vm/v6vm/exe", []string{"v6vm/v6vm/isa"}, false},
	{"v6vm/v6vm", []string{"v6vm/v6vm/isa", "v6vm/v6vm/exe"}, false},

	// The assembler and the toolchain never import the machine.
	{"v6vm/asm/...", []string{"v6vm/asm/...", "v6vm/v6vm/isa", "v6vm/v6vm/exe"}, true},

	// Runners and watchers: tools/boot runs what the toolchain built on the
	// machine, tools/trace, tools/explore and tools/debug read a run through
	// the machine's hooks. They may import the machine; nothing below them does.
	{"v6vm/tools/boot", append(toolchain, "v6vm/v6vm"), true},
	{"v6vm/tools/trace", append(toolchain, "v6vm/v6vm"), true},
	{"v6vm/tools/explore/...", append(toolchain, "v6vm/v6vm"), true},
	{"v6vm/tools/debug", append(toolchain, "v6vm/v6vm"), true},

	{"v6vm/tools/...", toolchain, true},

	// The kernel imports only kernel packages.
	{"v6vm/kernel/...", []string{"v6vm/kernel/..."}, false},

	// The C userland: any Go there is tests (unrestricted, like all tests).
	{"v6vm/userland/...", nil, false},

	// The command and the whole-system tests sit on top.
	{"v6vm/tests/...", []string{"*"}, true},
	{"v6vm", []string{"*"}, true},
}

// depExceptions are edges that break the rules above but exist today, each
// with the reason it is tolerated. The test logs them so they stay visible;
// remove an entry once the edge is gone (the test fails on a stale entry).
var depExceptions = map[string]string{}

func matchPkg(pattern, pkg string) bool {
	if p, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == p || strings.HasPrefix(pkg, p+"/")
	}
	return pkg == pattern
}

type listedPkg struct {
	ImportPath string
	Imports    []string
}

// listPackages lists every package of the module, with and without the
// kernel's build tag (kernel files build only for the VM).
func listPackages(t *testing.T) map[string]listedPkg {
	t.Helper()
	pkgs := map[string]listedPkg{}
	for _, tags := range []string{"", "v6vm"} {
		args := []string{"list", "-e", "-json=ImportPath,Imports"}
		if tags != "" {
			args = append(args, "-tags", tags)
		}
		out, err := exec.Command("go", append(args, "./...")...).Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		dec := json.NewDecoder(bytes.NewReader(out))
		for {
			var p listedPkg
			if err := dec.Decode(&p); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("go list output: %v", err)
			}
			q := pkgs[p.ImportPath]
			q.ImportPath = p.ImportPath
			for _, imp := range p.Imports {
				if !slices.Contains(q.Imports, imp) {
					q.Imports = append(q.Imports, imp)
				}
			}
			pkgs[p.ImportPath] = q
		}
	}
	return pkgs
}

func ours(path string) bool { return path == "v6vm" || strings.HasPrefix(path, "v6vm/") }

func TestDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	pkgs := listPackages(t)
	if len(pkgs) < 5 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	var names []string
	for name := range pkgs {
		names = append(names, name)
	}
	sort.Strings(names)
	used := map[string]bool{}
	for _, name := range names {
		p := pkgs[name]
		ri := slices.IndexFunc(depRules, func(r depRule) bool { return matchPkg(r.pkg, name) })
		if ri < 0 {
			t.Errorf("package %s matches no row of depRules: add one", name)
			continue
		}
		rule := depRules[ri]
		for _, imp := range p.Imports {
			if !ours(imp) {
				if !rule.third && strings.Contains(strings.Split(imp, "/")[0], ".") {
					t.Errorf("%s imports %s: only the standard library is allowed there (rule %q)", name, imp, rule.pkg)
				}
				continue
			}
			ok := slices.ContainsFunc(rule.may, func(pat string) bool { return pat == "*" || matchPkg(pat, imp) })
			if ok {
				continue
			}
			edge := name + " -> " + imp
			if why, ok := depExceptions[edge]; ok {
				used[edge] = true
				t.Logf("tolerated: %s (%s)", edge, why)
				continue
			}
			t.Errorf("%s imports %s, which rule %q does not allow (allowed: %v)", name, imp, rule.pkg, rule.may)
		}
	}
	for edge := range depExceptions {
		if !used[edge] {
			t.Errorf("depExceptions lists %s, which no longer exists: remove it", edge)
		}
	}
}
