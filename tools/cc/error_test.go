package cc

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/go-multierror"
)

// Diagnostics are tested as go/parser's error_test.go does: a comment
// /* ERROR "regexp" */ right after a token says that an error matching
// regexp is reported at that token. Every error must be expected and every
// expectation met.

var errorComment = regexp.MustCompile(`/\* ERROR ("(?:[^"\\]|\\.)*") \*/`)

// expectedErrors maps source offsets of tokens to the patterns expected there.
func expectedErrors(t *testing.T, f *File) map[int]*regexp.Regexp {
	toks := Tokenize(f, &errorList{})
	want := map[int]*regexp.Regexp{}
	for _, m := range errorComment.FindAllStringSubmatchIndex(f.Text, -1) {
		pat := f.Text[m[2]+1 : m[3]-1] // a regexp, quotes stripped
		prev := -1
		for _, tok := range toks {
			if tok.Kind != TEOF && tok.Pos.Offset < m[0] {
				prev = tok.Pos.Offset
			}
		}
		if prev < 0 {
			t.Fatalf("%s: ERROR comment with no token before it", f.Name)
		}
		want[prev] = regexp.MustCompile(pat)
	}
	return want
}

func TestErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.c")
	if len(files) == 0 {
		t.Fatal("no testdata/errors/*.c files")
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			text, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			f := NewFile(name, string(text))
			want := expectedErrors(t, f)
			_, err = Check(&Config{IncludeDirs: []string{"testdata/include"}}, name, string(text))
			var m *multierror.Error
			if err != nil && !errors.As(err, &m) {
				t.Fatalf("error is not a list: %v", err)
			}
			var got []error
			if m != nil {
				got = m.Errors
			}
			for _, e := range got {
				ce := e.(*Error)
				re, ok := want[ce.Pos.Offset]
				switch {
				case !ok:
					t.Errorf("unexpected error: %v", ce)
				case !re.MatchString(ce.Msg):
					t.Errorf("%s: error %q does not match %q", ce.Pos, ce.Msg, re)
				}
				delete(want, ce.Pos.Offset)
			}
			for off, re := range want {
				t.Errorf("%s: missing error matching %q", Pos{f, off}, re)
			}
		})
	}
}
