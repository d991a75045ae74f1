package cc

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/go-multierror"
)

// maxErrors bounds a diagnostic list; past it the rest is noise.
const maxErrors = 50

// An Error is one diagnostic at a source position.
type Error struct {
	Pos Pos
	Msg string
}

// Error formats the diagnostic as file:line:col: message, then the
// offending line and a caret under the column.
func (e *Error) Error() string {
	s := e.Pos.String() + ": " + e.Msg
	if e.Pos.File == nil {
		return s
	}
	line, col := e.Pos.LineCol()
	f := e.Pos.File
	start := f.lines[line-1]
	end := strings.IndexByte(f.Text[start:], '\n')
	if end < 0 {
		end = len(f.Text) - start
	}
	text := strings.TrimRight(f.Text[start:start+end], "\r")
	var caret strings.Builder
	for i := 0; i < col-1 && i < len(text); i++ {
		if text[i] == '\t' {
			caret.WriteByte('\t')
		} else {
			caret.WriteByte(' ')
		}
	}
	return s + "\n\t" + text + "\n\t" + caret.String() + "^"
}

// errorList collects diagnostics so a run reports all of them at once.
type errorList struct {
	errs  []*Error
	fatal bool // later stages would only report consequences (a missing #include)
}

// errTooMany aborts a stage once maxErrors diagnostics have piled up.
var errTooMany = errors.New("too many errors")

func (l *errorList) add(p Pos, format string, args ...any) {
	if len(l.errs) > maxErrors {
		panic(errTooMany) // a later stage after an earlier one stopped
	}
	if len(l.errs) > 0 {
		last := l.errs[len(l.errs)-1]
		if last.Pos == p {
			return // one diagnostic per position: the first is the real one
		}
	}
	l.errs = append(l.errs, &Error{p, fmt.Sprintf(format, args...)})
	if len(l.errs) >= maxErrors {
		l.errs = append(l.errs, &Error{p, "too many errors; stopping"})
		panic(errTooMany)
	}
}

// err returns the diagnostics in source order as one error, or nil.
func (l *errorList) err() error {
	if len(l.errs) == 0 {
		return nil
	}
	sort.SliceStable(l.errs, func(i, j int) bool {
		a, b := l.errs[i].Pos, l.errs[j].Pos
		if a.File != b.File {
			return false
		}
		return a.Offset < b.Offset
	})
	var m *multierror.Error
	for _, e := range l.errs {
		m = multierror.Append(m, e)
	}
	m.ErrorFormat = formatErrors
	return m
}

func formatErrors(es []error) string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// rethrow lets the errTooMany panic end a stage quietly; other panics are
// bugs and propagate. Use as: if r := recover(); r != nil { rethrow(r) }.
func rethrow(r any) {
	if r != errTooMany {
		panic(r)
	}
}
