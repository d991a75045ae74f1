// Package scenario reads scenario files: a lecture demo in one file — the
// C program and everything that makes its run reproducible (seed, clock,
// arguments, console input) plus what to show (trace events, debugger
// breakpoints) and what the run should print. v6vm run, trace and debug
// accept one wherever they accept a .c file, so a demo replays identically.
//
// The format is line-oriented text:
//
//	# v6vm scenario
//	# Comment lines begin with '#'; say what the demo shows.
//	seed: 1
//	args: 9000 x
//	input: a line typed on the console
//	trace: swtch,syscall
//	break: ProcessManager_NewProc if comm==fork
//	expect: child:  fork returned 0
//	--- fork.c
//	#include <stdio.h>
//	...
//
// The first line must be "# v6vm scenario". Settings are "key: value", one
// per line: seed, tick and jitter (numbers, as the flags of the same
// names), args (split at spaces), input (the text and a newline; repeat
// for more lines), trace (event classes, commas), break (one debugger
// breakpoint each) and expect (one each: text the run's output and trace,
// in time order, must contain, in the order given — tests check it). The
// line "--- NAME.c" ends the settings; the rest of the file is the program,
// compiled as NAME.c, so its line numbers are the program's own.
package scenario

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Header is the first line of every scenario file.
const Header = "# v6vm scenario"

// Scenario is a parsed scenario file.
type Scenario struct {
	Path    string   // the file it was read from
	Comment string   // the comment lines, without '#'
	Seed    *uint64  // nil: not set
	Tick    *uint32  // instructions per clock tick
	Jitter  *uint32  // extra instructions per tick, at most
	Args    []string // program arguments
	Input   []byte   // console input
	Trace   []string // trace event classes
	Breaks  []string // debugger breakpoints, as `break` takes them
	Expect  []string // what the output must contain, in order
	File    string   // the program's file name, from the "--- NAME.c" line
	Program []byte   // the program's text
	Line    int      // the line of the file where the program starts (its line 1)
}

// Is reports whether text is a scenario file (starts with Header).
func Is(text []byte) bool {
	line, _, _ := bytes.Cut(text, []byte("\n"))
	return strings.TrimSpace(string(line)) == Header
}

// Load reads a scenario file; it returns nil, nil if the file is not one.
func Load(path string) (*Scenario, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !Is(text) {
		return nil, nil
	}
	return Parse(path, text)
}

// Parse parses the text of a scenario file read from path (for messages).
func Parse(path string, text []byte) (*Scenario, error) {
	if !Is(text) {
		return nil, fmt.Errorf("%s: not a scenario (the first line must be %q)", path, Header)
	}
	s := &Scenario{Path: path}
	lines := strings.SplitAfter(string(text), "\n")
	var comment []string
	for i := 1; i < len(lines); i++ {
		raw := lines[i]
		line := strings.TrimSpace(raw)
		errorf := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", path, i+1, fmt.Sprintf(format, args...))
		}
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "---"):
			s.File = strings.TrimSpace(strings.TrimPrefix(line, "---"))
			if !strings.HasSuffix(s.File, ".c") || strings.ContainsAny(s.File, "/ \t") {
				return nil, errorf("want \"--- NAME.c\" before the program, not %q", line)
			}
			s.Program = []byte(strings.Join(lines[i+1:], ""))
			s.Line = i + 2
			s.Comment = strings.Join(comment, "\n")
			return s, nil
		case strings.HasPrefix(line, "#"):
			comment = append(comment, strings.TrimPrefix(strings.TrimPrefix(line, "#"), " "))
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, errorf("want \"key: value\", a comment or \"--- NAME.c\", not %q", line)
		}
		key = strings.TrimSpace(key)
		// Keep a value's inner spaces (input and expect lines may need
		// them); drop the one space after the colon and the line end.
		value = strings.TrimRight(strings.TrimPrefix(value, " "), "\r\n")
		num := func(bits int) (uint64, error) {
			n, err := strconv.ParseUint(strings.TrimSpace(value), 0, bits)
			if err != nil {
				return 0, errorf("%s: want a number, not %q", key, value)
			}
			return n, nil
		}
		switch key {
		case "seed":
			n, err := num(64)
			if err != nil {
				return nil, err
			}
			s.Seed = &n
		case "tick", "jitter":
			n, err := num(32)
			if err != nil {
				return nil, err
			}
			v := uint32(n)
			if key == "tick" {
				s.Tick = &v
			} else {
				s.Jitter = &v
			}
		case "args":
			s.Args = append(s.Args, strings.Fields(value)...)
		case "input":
			s.Input = append(s.Input, value+"\n"...)
		case "trace":
			for _, c := range strings.Split(value, ",") {
				if c = strings.TrimSpace(c); c != "" {
					s.Trace = append(s.Trace, c)
				}
			}
		case "break":
			s.Breaks = append(s.Breaks, strings.TrimSpace(value))
		case "expect":
			s.Expect = append(s.Expect, value)
		default:
			return nil, errorf("unknown setting %q (known: seed, tick, jitter, args, input, trace, break, expect)", key)
		}
	}
	return nil, fmt.Errorf("%s: no program: the file must end with \"--- NAME.c\" and the C program", path)
}

// Name is the name the program runs under (its u_comm): the scenario
// file's base name without extension, as for a .c file.
func (s *Scenario) Name() string {
	base := s.Path[strings.LastIndexAny(s.Path, `/\`)+1:]
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return base
}

// CheckOutput checks that out contains the Expect lines in order; it
// returns the first one missing (after the ones found), or "".
func (s *Scenario) CheckOutput(out string) (missing string) {
	rest := out
	for _, e := range s.Expect {
		i := strings.Index(rest, e)
		if i < 0 {
			return e
		}
		rest = rest[i+len(e):]
	}
	return ""
}
