package cc

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFrameShape checks the code shape vfork demonstrations rely on: every
// local and parameter lives in its EBP-relative stack slot (no register
// allocation), frames are built with push ebp / mov ebp, esp and left with
// leave; ret, and statements carry line directives.
func TestFrameShape(t *testing.T) {
	src := `int g;
int f(int a, char c)
{
	int x = a;
	char buf[6];
	buf[0] = c;
	x += buf[0];
	return x;
}
`
	text, err := Compile(nil, "shape.c", src)
	if err != nil {
		t.Fatal(err)
	}
	// Patterns, not exact instructions: the back end may improve its
	// instruction choice without changing the frame.
	for _, want := range []string{
		`f:\n`, `push ebp\n\tmov ebp, esp\n\tsub esp, 12\n`,
		`\[ebp\+8\]`,                         // a
		`\[ebp\+12\]`,                        // c, in its own 4-byte slot
		`\[ebp-4\]`,                          // x
		`ebp-12\]`,                           // buf
		`movsx \w+, byte \[`,                 // char loads sign-extend
		`mov (byte )?\[[^\]]+\], (al|cl|dl)`, // char stores are narrow
		`\.file "shape\.c"`, `\.loc 4\n`, `\.loc 6\n`, `\.loc 8\n`,
		`; 7: x \+= buf\[0\];`,
		`\.loc 9\n(.*\n)*\tleave\n`, // the epilogue is at the closing brace
		`leave\n\tret\n`,
		`\.bss`, `g:\n\t\.space 4`,
	} {
		if !regexp.MustCompile(want).MatchString(text) {
			t.Errorf("missing %s in\n%s", want, text)
		}
	}
	// No callee-saved register is used for values.
	if m := regexp.MustCompile(`(?m)^\t\w+ (ebx|esi|edi)\b`).FindString(text); m != "" {
		t.Errorf("uses a callee-saved register: %q", m)
	}
}

// TestHeaderDiagnostics checks that errors in included files name the
// header, its line and column, and show its source line.
func TestHeaderDiagnostics(t *testing.T) {
	files := map[string]string{"inc/bad.h": "/* a header */\nint broken(int x) { return x + ; }\n"}
	cfg := &Config{IncludeDirs: []string{"inc"}, ReadFile: memFS(files)}
	_, err := Compile(cfg, "main.c", "#include <bad.h>\nint main(void) { return broken(1); }\n")
	if err == nil {
		t.Fatal("no error")
	}
	// ';' is the 32nd character of the line.
	want := "inc/bad.h:2:32: expected expression, found ';'\n\tint broken(int x) { return x + ; }\n\t" + strings.Repeat(" ", 31) + "^"
	if err.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", err, want)
	}
}

// TestUserlandHeaders compiles every header of userland/include together,
// as programs will include them.
func TestUserlandHeaders(t *testing.T) {
	const dir = "../../userland/include"
	var src strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".h") {
			rel, _ := filepath.Rel(dir, path)
			fmt.Fprintf(&src, "#include <%s>\n", filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil || src.Len() == 0 {
		t.Skipf("no userland headers in %s", dir)
	}
	src.WriteString("int main(void) { return 0; }\n")
	if _, err := Compile(&Config{SysDirs: []string{dir}}, "all.c", src.String()); err != nil {
		t.Errorf("compiling all of userland/include:\n%v", err)
	}
}
