package debug

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strconv"
	"strings"
)

// source is the text of a file named in a line table: a program's from
// Config.Sources, the kernel's and the library's from the source tree.
func (d *Debugger) source(file string) []string {
	if text, ok := d.cfg.Sources[file]; ok {
		return strings.Split(string(text), "\n")
	}
	if d.cfg.Src != nil {
		if text, err := fs.ReadFile(d.cfg.Src, file); err == nil {
			return strings.Split(string(text), "\n")
		}
	}
	return nil
}

func (d *Debugger) sourceLine(file string, n int) string {
	lines := d.source(file)
	if n < 1 || n > len(lines) {
		return "(source not available)"
	}
	return strings.TrimRight(lines[n-1], "\r")
}

// cmdList shows ten lines around LOC, or around the current line, or the
// ten after the last listed.
func (d *Debugger) cmdList(arg string) {
	file, first := d.listFile, 0
	switch {
	case arg != "":
		loc, err := d.resolve(arg)
		if err != nil {
			d.printf("%v\n", err)
			return
		}
		f, n, ok := loc.exe.LineAt(loc.addr)
		if !ok {
			d.printf("No line information for %s.\n", arg)
			return
		}
		file, first = f, n-5
	case d.listNext > 0 && (d.prevCmd == "list" || d.prevCmd == "l"):
		first = d.listNext // go on after what was shown
	default:
		if f, n, ok := d.currentLine(); ok {
			file, first = f, n-5
		}
	}
	if file == "" {
		d.printf("No source here.\n")
		return
	}
	lines := d.source(file)
	if lines == nil {
		d.printf("Source of %s is not available.\n", file)
		return
	}
	first = max(first, 1)
	last := min(first+9, len(lines))
	if first > last {
		d.printf("Line %d is past the end of %s.\n", first, file)
		return
	}
	cur, curLine, _ := d.currentLine()
	for n := first; n <= last; n++ {
		mark := "  "
		if cur == file && curLine == n {
			mark = "=>"
		}
		d.printf("%s%-5s%s\n", mark, strconv.Itoa(n), strings.TrimRight(lines[n-1], "\r"))
	}
	d.listFile, d.listNext = file, last+1
}

// currentLine is the source line at EIP.
func (d *Debugger) currentLine() (string, int, bool) {
	if d.m == nil || !d.started || d.ended {
		return "", 0, false
	}
	f := d.exeAt(d.m, d.m.EIP)
	if f == nil {
		return "", 0, false
	}
	return f.LineAt(d.m.EIP)
}

// kernelResults lists which kernel functions return something, by their
// symbol names (Type_Method for methods, as tools/kgo names them), from
// the kernel's sources: finish shows EAX only for those.
func kernelResults(src fs.FS) map[string]bool {
	res := map[string]bool{}
	if src == nil {
		return res
	}
	entries, _ := fs.ReadDir(src, "kernel")
	fset := token.NewFileSet()
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		text, err := fs.ReadFile(src, "kernel/"+e.Name())
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(fset, e.Name(), text, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			name := fd.Name.Name
			if fd.Recv != nil && len(fd.Recv.List) == 1 {
				t := fd.Recv.List[0].Type
				if star, ok := t.(*ast.StarExpr); ok {
					t = star.X
				}
				if id, ok := t.(*ast.Ident); ok {
					name = id.Name + "_" + name
				}
			}
			res[name] = fd.Type.Results != nil && fd.Type.Results.NumFields() > 0
		}
	}
	return res
}
