package kgo

import (
	"errors"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/go-multierror"
)

var errorComment = regexp.MustCompile(`^/\* ERROR (HERE )?"(.*)" \*/$`)

// expectedErrors collects the /* ERROR "rx" */ comments of a source, keyed
// by the position ("line:col") of the token just before each comment, as in
// go/parser's error_test.go; /* ERROR HERE "rx" */ means the token just
// after it, for places where gofmt glues the offending token to the next
// (map[, [], a[).
func expectedErrors(t *testing.T, name string, src []byte) map[string][]*regexp.Regexp {
	fset := token.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile(name, -1, len(src)), src, nil, scanner.ScanComments)
	want := map[string][]*regexp.Regexp{}
	var prev token.Pos
	var here []*regexp.Regexp // waiting for the next token
	add := func(pos token.Pos, rx *regexp.Regexp) {
		p := fset.Position(pos)
		key := fmt.Sprintf("%d:%d", p.Line, p.Column)
		want[key] = append(want[key], rx)
	}
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return want
		}
		if tok == token.COMMENT {
			if m := errorComment.FindStringSubmatch(lit); m != nil {
				if m[1] != "" {
					here = append(here, regexp.MustCompile(m[2]))
				} else {
					add(prev, regexp.MustCompile(m[2]))
				}
			}
			continue
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // an automatic semicolon is not a token of the source
		}
		for _, rx := range here {
			add(pos, rx)
		}
		here, prev = nil, pos
	}
}

// TestErrors compiles each testdata/errors file and requires exactly the
// errors its ERROR comments announce, at their positions.
func TestErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.go")
	if len(files) == 0 {
		t.Fatal("no error tests")
	}
	lineCol := regexp.MustCompile(`(?s)^[^:]*:(\d+):(\d+): (.*)$`)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want := expectedErrors(t, f, src)
			_, err = Compile([]File{{Name: f, Text: string(src)}})
			var me *multierror.Error
			if !errors.As(err, &me) {
				t.Fatalf("want a multierror, got %v", err)
			}
			for _, e := range me.Errors {
				m := lineCol.FindStringSubmatch(e.Error())
				if m == nil {
					t.Errorf("unpositioned error: %v", e)
					continue
				}
				key, msg := m[1]+":"+m[2], m[3]
				if !matchOne(want, key, msg) {
					t.Errorf("unexpected error at %s: %s", key, msg)
				}
			}
			for key, rxs := range want {
				for _, rx := range rxs {
					t.Errorf("missing error at %s matching %q", key, rx)
				}
			}
		})
	}
}

// matchOne removes and reports the first expectation at key matching msg.
func matchOne(want map[string][]*regexp.Regexp, key, msg string) bool {
	for i, rx := range want[key] {
		if rx.MatchString(msg) {
			want[key] = append(want[key][:i], want[key][i+1:]...)
			if len(want[key]) == 0 {
				delete(want, key)
			}
			return true
		}
	}
	return false
}

// TestAllErrorsAtOnce checks that errors from different files and kinds are
// reported together, sorted, as file:line:col: msg lines.
func TestAllErrorsAtOnce(t *testing.T) {
	_, err := Compile([]File{
		{Name: "b.go", Text: "package p\n\nfunc g() { go g(); defer g() }\n"},
		{Name: "a.go", Text: "package p\n\nvar m map[int]int\n"},
	})
	if err == nil {
		t.Fatal("no error")
	}
	want := "a.go:3:7: maps: outside the kernel subset\n" +
		"b.go:3:12: goroutines: outside the kernel subset\n" +
		"b.go:3:20: defer: outside the kernel subset"
	if got := strings.TrimSpace(err.Error()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
