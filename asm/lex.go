package asm

import (
	"fmt"
	"strings"
)

// A token is one lexical item of a source line. The assembler is line
// oriented, so a line is tokenized whole before it is parsed.
type token struct {
	kind tokKind
	text string // identifier or punctuation as written
	val  int64  // tNum, tChar
	str  []byte // tStr, escapes decoded
	col  int    // 1-based byte column
}

type tokKind uint8

const (
	tEOF tokKind = iota
	tIdent
	tNum
	tChar
	tStr
	tPunct
)

// lexError is a tokenizing failure at a column.
type lexError struct {
	col int
	msg string
}

// tokenize splits one line into tokens appended to toks, ending with a tEOF
// token. A comment (`;` or `#` outside a literal) ends the line.
func tokenize(line string, toks []token) ([]token, *lexError) {
	i := 0
	for i < len(line) {
		c := line[i]
		col := i + 1
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == ';' || c == '#':
			i = len(line)
		case isIdentStart(c):
			j := i + 1
			for j < len(line) && isIdentChar(line[j]) {
				j++
			}
			if c == '.' && j == i+1 {
				toks = append(toks, token{kind: tPunct, text: ".", col: col})
			} else {
				toks = append(toks, token{kind: tIdent, text: line[i:j], col: col})
			}
			i = j
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(line) && isIdentChar(line[j]) {
				j++
			}
			v, err := parseNumber(line[i:j])
			if err != "" {
				return nil, &lexError{col, err}
			}
			toks = append(toks, token{kind: tNum, text: line[i:j], val: v, col: col})
			i = j
		case c == '\'':
			b, n, err := unquote(line[i:], '\'')
			if err != nil {
				return nil, err.at(col)
			}
			if len(b) != 1 {
				return nil, &lexError{col, "character literal must hold exactly one character"}
			}
			toks = append(toks, token{kind: tChar, text: line[i : i+n], val: int64(b[0]), col: col})
			i += n
		case c == '"':
			b, n, err := unquote(line[i:], '"')
			if err != nil {
				return nil, err.at(col)
			}
			toks = append(toks, token{kind: tStr, text: line[i : i+n], str: b, col: col})
			i += n
		case (c == '<' || c == '>') && i+1 < len(line) && line[i+1] == c:
			toks = append(toks, token{kind: tPunct, text: line[i : i+2], col: col})
			i += 2
		case strings.IndexByte(",:[]()+-*/%&|^~=@", c) >= 0:
			toks = append(toks, token{kind: tPunct, text: line[i : i+1], col: col})
			i++
		default:
			if c < ' ' || c >= 0x7f {
				return nil, &lexError{col, fmt.Sprintf("unexpected character %q", rune(c))}
			}
			return nil, &lexError{col, fmt.Sprintf("unexpected character %q", c)}
		}
	}
	return append(toks, token{kind: tEOF, col: len(line) + 1}), nil
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '.' || c == '$'
}

func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

// parseNumber reads a decimal, 0x, 0b or 0o literal. Values are limited to
// 32 bits: the machine has no wider quantity, and a longer literal is a typo.
func parseNumber(s string) (int64, string) {
	base, digits := 10, s
	if len(s) > 2 && s[0] == '0' {
		switch s[1] {
		case 'x', 'X':
			base, digits = 16, s[2:]
		case 'b', 'B':
			base, digits = 2, s[2:]
		case 'o', 'O':
			base, digits = 8, s[2:]
		}
	}
	var v int64
	for i := 0; i < len(digits); i++ {
		d := digitVal(digits[i])
		if d >= base {
			return 0, fmt.Sprintf("bad number %q", s)
		}
		v = v*int64(base) + int64(d)
		if v > 0xFFFFFFFF {
			return 0, fmt.Sprintf("number %s does not fit in 32 bits", s)
		}
	}
	return v, ""
}

func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// quoteError is an unquote failure at an offset inside the literal.
type quoteError struct {
	off int
	msg string
}

func (e *quoteError) at(col int) *lexError { return &lexError{col + e.off, e.msg} }

// unquote decodes the literal at the start of s, which opens with q, using
// C escapes. It returns the bytes and the length of the literal in s.
func unquote(s string, q byte) ([]byte, int, *quoteError) {
	what := "string"
	if q == '\'' {
		what = "character literal"
	}
	var b []byte
	i := 1
	for {
		if i >= len(s) {
			return nil, 0, &quoteError{0, "unterminated " + what}
		}
		c := s[i]
		switch {
		case c == q:
			return b, i + 1, nil
		case c != '\\':
			b = append(b, c)
			i++
			continue
		}
		// An escape.
		if i+1 >= len(s) {
			return nil, 0, &quoteError{0, "unterminated " + what}
		}
		e := s[i+1]
		switch e {
		case 'n':
			b = append(b, '\n')
		case 't':
			b = append(b, '\t')
		case 'r':
			b = append(b, '\r')
		case 'a':
			b = append(b, 7)
		case 'b':
			b = append(b, 8)
		case 'f':
			b = append(b, 12)
		case 'v':
			b = append(b, 11)
		case 'e':
			b = append(b, 27)
		case '\\', '\'', '"', '?':
			b = append(b, e)
		case 'x':
			j, v := i+2, 0
			for j < len(s) && j < i+4 && digitVal(s[j]) < 16 {
				v = v*16 + digitVal(s[j])
				j++
			}
			if j == i+2 {
				return nil, 0, &quoteError{i, `\x needs hex digits`}
			}
			b = append(b, byte(v))
			i = j
			continue
		default:
			if e < '0' || e > '7' {
				return nil, 0, &quoteError{i, fmt.Sprintf("unknown escape \\%c", e)}
			}
			j, v := i+1, 0
			for j < len(s) && j < i+4 && s[j] >= '0' && s[j] <= '7' {
				v = v*8 + int(s[j]-'0')
				j++
			}
			if v > 255 {
				return nil, 0, &quoteError{i, "octal escape above \\377"}
			}
			b = append(b, byte(v))
			i = j
			continue
		}
		i += 2
	}
}
