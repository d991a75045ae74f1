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
// regexp is reported at that token (or just after it, where a missing ';'
// is reported). Every error must be expected and every expectation met.

var errorComment = regexp.MustCompile(`/\* ERROR ("(?:[^"\\]|\\.)*") \*/`)

// expectedErrors maps source offsets of tokens to the patterns expected
// there; ends maps them to the offset of their comment.
func expectedErrors(t *testing.T, f *File) (want map[int]*regexp.Regexp, ends map[int]int) {
	toks := Tokenize(f, &errorList{})
	want, ends = map[int]*regexp.Regexp{}, map[int]int{}
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
		ends[prev] = m[0]
	}
	return want, ends
}

// expectedAt finds the expectation covering an error at off.
func expectedAt(want map[int]*regexp.Regexp, ends map[int]int, off int) (int, bool) {
	if _, ok := want[off]; ok {
		return off, true
	}
	for start, end := range ends {
		if _, ok := want[start]; ok && start < off && off <= end {
			return start, true
		}
	}
	return 0, false
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
			want, ends := expectedErrors(t, f)
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
				at, ok := expectedAt(want, ends, ce.Pos.Offset)
				switch {
				case !ok:
					t.Errorf("unexpected error: %v", ce)
				case !want[at].MatchString(ce.Msg):
					t.Errorf("%s: error %q does not match %q", ce.Pos, ce.Msg, want[at])
				}
				delete(want, at)
			}
			for off, re := range want {
				t.Errorf("%s: missing error matching %q", Pos{f, off}, re)
			}
		})
	}
}
