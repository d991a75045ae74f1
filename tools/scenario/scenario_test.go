package scenario

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	text := `# v6vm scenario
# What it shows.
#
# More.
seed: 7
tick: 5000
jitter: 0
args: 9000  x
input: hello  world
input: second
trace: swtch, syscall
break: ProcessManager_NewProc if comm==demo
expect: parent:  fork
expect: child
--- demo.c
int main(void)
{
	return 0;
}
`
	s, err := Parse("dir/demo.scn", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if *s.Seed != 7 || *s.Tick != 5000 || *s.Jitter != 0 {
		t.Errorf("seed, tick, jitter = %d, %d, %d", *s.Seed, *s.Tick, *s.Jitter)
	}
	if strings.Join(s.Args, "|") != "9000|x" || string(s.Input) != "hello  world\nsecond\n" {
		t.Errorf("args %q, input %q", s.Args, s.Input)
	}
	if strings.Join(s.Trace, "|") != "swtch|syscall" || s.Breaks[0] != "ProcessManager_NewProc if comm==demo" {
		t.Errorf("trace %q, breaks %q", s.Trace, s.Breaks)
	}
	if s.File != "demo.c" || !strings.HasPrefix(string(s.Program), "int main(void)\n") || s.Line != 16 {
		t.Errorf("file %q, line %d, program %q", s.File, s.Line, s.Program)
	}
	if s.Name() != "demo" || s.Comment != "What it shows.\n\nMore." {
		t.Errorf("name %q, comment %q", s.Name(), s.Comment)
	}
	if m := s.CheckOutput("parent:  fork 3\nchild\n"); m != "" {
		t.Errorf("CheckOutput: %q missing", m)
	}
	if m := s.CheckOutput("child\nparent:  fork 3\n"); m != "child" {
		t.Errorf("CheckOutput out of order: missing %q, want child", m)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ text, err string }{
		{"int main;", "not a scenario"},
		{"# v6vm scenario\nseed: x\n--- a.c\n", "a.scn:2: seed: want a number"},
		{"# v6vm scenario\ncolour: red\n--- a.c\n", "a.scn:2: unknown setting \"colour\""},
		{"# v6vm scenario\nseed 1\n--- a.c\n", "a.scn:2: want \"key: value\""},
		{"# v6vm scenario\nseed: 1\n", "no program"},
		{"# v6vm scenario\n--- a.go\n", "want \"--- NAME.c\""},
	} {
		_, err := Parse("a.scn", []byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("Parse(%q) = %v, want %q", tc.text, err, tc.err)
		}
	}
}
