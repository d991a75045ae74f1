package cc

import (
	"bytes"
	"fmt"
	"strings"
)

// A TokenKind classifies a token.
type TokenKind int

const (
	TIdent TokenKind = iota
	TPunct
	TKeyword // set by convertTokens after preprocessing
	TNum     // a pp-number until convertTokens gives it a value
	TStr
	TChar
	TEOF
	tBad         // a malformed token, reported only if it survives preprocessing
	tPlacemarker // an empty operand of ## during macro substitution
)

// A File is one source file as read; positions index its original text.
type File struct {
	Name  string
	Text  string
	Depth int   // #include nesting, to stop runaway recursion
	lines []int // offsets where lines start

	// From the last #line: what __LINE__ adds to the real line, and
	// the name __FILE__ gives ("" for Name). The line table keeps the
	// real file, where a debugger finds the text.
	lineDelta int
	lineName  string
}

// NewFile records name and text for tokenizing.
func NewFile(name, text string) *File {
	f := &File{Name: name, Text: text, lines: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
	return f
}

// A Pos is a place in a file's original text.
type Pos struct {
	File   *File
	Offset int
}

// LineCol returns the 1-based line and column of p.
func (p Pos) LineCol() (line, col int) {
	if p.File == nil {
		return 0, 0
	}
	lo, hi := 0, len(p.File.lines)
	for hi-lo > 1 {
		m := (lo + hi) / 2
		if p.File.lines[m] <= p.Offset {
			lo = m
		} else {
			hi = m
		}
	}
	return lo + 1, p.Offset - p.File.lines[lo] + 1
}

func (p Pos) String() string {
	if p.File == nil {
		return "<builtin>"
	}
	l, c := p.LineCol()
	return fmt.Sprintf("%s:%d:%d", p.File.Name, l, c)
}

// A Token is a preprocessing token, later a C token.
type Token struct {
	Kind     TokenKind
	Text     string // as spelled (after line splicing)
	Pos      Pos
	AtBOL    bool // first token on its line
	HasSpace bool // preceded by white space

	Val   int64  // TNum, TChar: the value
	Ty    *Type  // TNum, TChar, TStr: the type, after convertTokens
	Str   []byte // TStr: the bytes, without the terminating NUL
	Macro bool   // produced by macro expansion: never a directive
	Bad   string // tBad: the diagnostic

	hideset *hideset // macros that must not expand this token again
}

func (t *Token) is(s string) bool {
	return (t.Kind == TPunct || t.Kind == TKeyword || t.Kind == TIdent) && t.Text == s
}

// punctLen returns the length of the punctuator at the start of s, longest
// match first, or 0.
func punctLen(s []byte) int {
	if len(s) >= 3 {
		switch string(s[:3]) {
		case "<<=", ">>=", "...":
			return 3
		}
	}
	if len(s) >= 2 {
		switch string(s[:2]) {
		case "==", "!=", "<=", ">=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
			"&&", "||", "++", "--", "<<", ">>", "##":
			return 2
		}
	}
	if strings.IndexByte("+-*/%&|^~!=<>?:;,.()[]{}#", s[0]) >= 0 {
		return 1
	}
	return 0
}

// A tokenizer splits one file into preprocessing tokens.
type tokenizer struct {
	file *File
	src  []byte // text with backslash-newlines removed
	orig []int  // orig[i] is the offset in file.Text of src[i]
	errs *errorList
}

// splice removes backslash-newline pairs, remembering where each remaining
// byte came from so diagnostics point into the original text.
func splice(text string) ([]byte, []int) {
	src := make([]byte, 0, len(text))
	orig := make([]int, 0, len(text)+1)
	for i := 0; i < len(text); i++ {
		if text[i] == '\\' {
			j := i + 1
			if j < len(text) && text[j] == '\r' {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				i = j
				continue
			}
		}
		src = append(src, text[i])
		orig = append(orig, i)
	}
	orig = append(orig, len(text))
	return src, orig
}

// Tokenize splits f into preprocessing tokens ending with TEOF.
func Tokenize(f *File, errs *errorList) []*Token {
	src, orig := splice(f.Text)
	t := &tokenizer{file: f, src: src, orig: orig, errs: errs}
	return t.run()
}

func (t *tokenizer) pos(i int) Pos { return Pos{t.file, t.orig[i]} }

func isIdent1(c byte) bool {
	return c == '_' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isIdent2(c byte) bool { return isIdent1(c) || isDigit(c) }

func (t *tokenizer) run() []*Token {
	var toks []*Token
	src := t.src
	bol, space := true, false
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			i++
			bol, space = true, false
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
			space = true
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			space = true
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				t.errs.add(t.pos(i), "unterminated comment")
				i = len(src)
				continue
			}
			i += end + 4
			space = true
			continue
		}
		tok, n := t.one(i)
		if tok != nil {
			tok.AtBOL, tok.HasSpace = bol, space
			toks = append(toks, tok)
		}
		bol, space = false, false
		i += n
	}
	toks = append(toks, &Token{Kind: TEOF, Pos: t.pos(len(src)), AtBOL: true})
	return toks
}

// one scans the token at src[i] and returns it with its length; a nil token
// means an error was reported.
func (t *tokenizer) one(i int) (*Token, int) {
	src := t.src
	c := src[i]
	mk := func(k TokenKind, n int) (*Token, int) {
		return &Token{Kind: k, Text: string(src[i : i+n]), Pos: t.pos(i)}, n
	}
	switch {
	case isDigit(c) || c == '.' && i+1 < len(src) && isDigit(src[i+1]):
		return mk(TNum, ppNumberLen(src[i:]))
	case c == '"':
		return t.stringLit(i)
	case c == '\'':
		return t.charLit(i)
	case (c == 'L' || c == 'u' || c == 'U') && i+1 < len(src) && (src[i+1] == '"' || src[i+1] == '\''):
		_, n := t.one(i + 1)
		return t.bad(i, n+1, "wide character and string literals are not supported")
	case isIdent1(c):
		n := 1
		for i+n < len(src) && isIdent2(src[i+n]) {
			n++
		}
		return mk(TIdent, n)
	}
	if n := punctLen(src[i:]); n > 0 {
		return mk(TPunct, n)
	}
	return t.bad(i, 1, fmt.Sprintf("invalid character %q in program", c))
}

// bad makes a tBad token: in a group skipped by #if it is harmless, so the
// preprocessor reports it only when it reaches the output.
func (t *tokenizer) bad(i, n int, msg string) (*Token, int) {
	return &Token{Kind: tBad, Text: string(t.src[i : i+n]), Pos: t.pos(i), Bad: msg}, n
}

// ppNumberLen measures a pp-number: digits, letters, dots and signed exponents.
func ppNumberLen(s []byte) int {
	n := 1
	for n < len(s) {
		c := s[n]
		if (c == '+' || c == '-') && strings.IndexByte("eEpP", s[n-1]) >= 0 {
			n++
		} else if isIdent2(c) || c == '.' {
			n++
		} else {
			break
		}
	}
	return n
}

// quoted finds the end of a literal opened by quote at src[i]; it returns
// -1 if the line ends first.
func quoted(src []byte, i int, quote byte) int {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case quote:
			return j
		case '\n':
			return -1
		case '\\':
			j++
		}
	}
	return -1
}

func (t *tokenizer) stringLit(i int) (*Token, int) {
	end := quoted(t.src, i, '"')
	if end < 0 {
		return t.bad(i, lineRest(t.src, i), "unterminated string literal")
	}
	tok := &Token{Kind: TStr, Text: string(t.src[i : end+1]), Pos: t.pos(i)}
	for j := i + 1; j < end; {
		c, n := t.escape(j)
		tok.Str = append(tok.Str, byte(c))
		j += n
	}
	return tok, end + 1 - i
}

func (t *tokenizer) charLit(i int) (*Token, int) {
	end := quoted(t.src, i, '\'')
	if end < 0 {
		return t.bad(i, lineRest(t.src, i), "unterminated character literal")
	}
	tok := &Token{Kind: TChar, Text: string(t.src[i : end+1]), Pos: t.pos(i)}
	if end == i+1 {
		return t.bad(i, 2, "empty character constant")
	}
	c, n := t.escape(i + 1)
	if i+1+n != end {
		return t.bad(i, end+1-i, "multi-character constant is not supported")
	}
	tok.Val = int64(int8(c)) // char is signed, so '\xff' is -1 as in gcc
	return tok, end + 1 - i
}

func lineRest(src []byte, i int) int {
	n := 0
	for i+n < len(src) && src[i+n] != '\n' {
		n++
	}
	return n
}

// escape decodes one possibly escaped character at src[i].
func (t *tokenizer) escape(i int) (int, int) {
	src := t.src
	if src[i] != '\\' {
		return int(src[i]), 1
	}
	c := src[i+1]
	switch c {
	case 'a':
		return 7, 2
	case 'b':
		return 8, 2
	case 't':
		return 9, 2
	case 'n':
		return 10, 2
	case 'v':
		return 11, 2
	case 'f':
		return 12, 2
	case 'r':
		return 13, 2
	case 'e':
		return 27, 2
	case 'x':
		v, n := 0, 2
		for i+n < len(src) && hexVal(src[i+n]) >= 0 {
			v = v<<4 | hexVal(src[i+n])
			n++
		}
		if n == 2 {
			t.errs.add(t.pos(i), "\\x used with no following hex digits")
		}
		return v & 0xFF, n
	}
	if '0' <= c && c <= '7' {
		v, n := 0, 1
		for n < 4 && i+n < len(src) && '0' <= src[i+n] && src[i+n] <= '7' {
			v = v<<3 | int(src[i+n]-'0')
			n++
		}
		return v & 0xFF, n
	}
	return int(c), 2
}

func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
