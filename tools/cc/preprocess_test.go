package cc

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// memFS serves #include files from a map, so tests state their headers inline.
func memFS(files map[string]string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if s, ok := files[filepath.Clean(name)]; ok {
			return []byte(s), nil
		}
		return nil, os.ErrNotExist
	}
}

// ppText preprocesses src and returns the tokens, one space between tokens
// on a line and " | " between lines, which keeps expectations on one line.
func ppText(t *testing.T, src string, files map[string]string) (string, error) {
	t.Helper()
	cfg := &Config{IncludeDirs: []string{"inc"}, ReadFile: memFS(files)}
	toks, err := Preprocess(cfg, "main.c", src)
	var b strings.Builder
	for i, tok := range toks {
		if tok.Kind == TEOF {
			break
		}
		if i > 0 {
			if tok.AtBOL {
				b.WriteString(" | ")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(tok.Text)
	}
	return b.String(), err
}

func TestPreprocess(t *testing.T) {
	headers := map[string]string{
		"guard.h":       "#ifndef GUARD_H\n#define GUARD_H\nint guarded;\n#endif\n",
		"inc/sys.h":     "int sys;\n",
		"inc/sub/two.h": "#include \"one.h\"\nint two;\n",
		"inc/sub/one.h": "int one;\n",
		"once.h":        "#pragma once\nint once;\n",
	}
	tests := []struct{ name, src, want string }{
		{"object", "#define N 10\nint a[N];", "int a [ 10 ] ;"},
		{"function", "#define SQ(x) ((x)*(x))\nSQ(a+1)", "( ( a + 1 ) * ( a + 1 ) )"},
		{"nested args", "#define F(x, y) x y\nF((a, b), [c)", "( a , b ) [ c"},
		{"brackets do not nest", "#define F(x, y) y x\nF([a, b])", "b ] [ a"},
		{"not a call", "#define F(x) x\nint F;", "int F ;"},
		{"call on next line", "#define F(x) <x>\nF\n(1)", "< 1 >"},
		{"empty arg", "#define F(x) [x]\nF()", "[ ]"},
		{"no params", "#define F() 7\nF()", "7"},
		{"include guard", "#include \"guard.h\"\n#include \"guard.h\"\nint x;", "int guarded ; | int x ;"},
		{"system include", "#include <sys.h>\nint y;", "int sys ; | int y ;"},
		{"relative include", "#include <sub/two.h>", "int one ; | int two ;"},
		{"pragma once", "#include \"once.h\"\n#include \"once.h\"", "int once ;"},
		{"macro include", "#define H \"guard.h\"\n#include H", "int guarded ;"},
		{"self reference", "#define foo foo + 1\nfoo", "foo + 1"},
		{"mutual recursion", "#define a b\n#define b a\na b", "a b"},
		// Blue paint: the inner f is painted when produced inside f's
		// expansion, so it stays unexpanded even though f( follows later.
		{"painted", "#define f(x) x f\n#define g f(1)(2)\ng", "1 f ( 2 )"},
		{"rescan", "#define f(x) x\n#define g f\ng(3)", "3"},
		{"c99 example", "#define x 3\n#define f(a) f(x * (a))\n#undef x\n#define x 2\n#define g f\n#define z z[0]\nf(y+1) + f(f(z)) % g(x+(3,4)-w)",
			"f ( 2 * ( y + 1 ) ) + f ( 2 * ( f ( 2 * ( z [ 0 ] ) ) ) ) % f ( 2 * ( 2 + ( 3 , 4 ) - w ) )"},
		{"stringize", "#define S(x) #x\nS(a  +   \"b\\n\" 'c')", `"a + \"b\\n\" 'c'"`},
		{"stringize empty", "#define S(x) #x\nS()", `""`},
		{"paste", "#define CAT(a, b) a ## b\nCAT(x, 1) CAT(<, <=) CAT(, y) CAT(z, )", "x1 <<= y z"},
		{"placemarkers", "#define F(a, b, c) x a##b##c z\nF(, , y) F(p, , ) F(, , )", "x y z x p z x z"},
		{"object paste", "#define XY 7\n#define P X ## Y\nP", "7"},
		{"c99 hash_hash", "#define hash_hash # ## #\n#define mkstr(a) # a\n#define in_between(a) mkstr(a)\n#define join(c, d) in_between(c hash_hash d)\nchar p[] = join(x, y);",
			`char p [ ] = "x ## y" ;`},
		{"c99 f g", "#define f(a) a*g\n#define g(a) f(a)\nf(2)(9)", "2 * 9 * g"},
		{"c99 vers", "#define str(s) # s\n#define xstr(s) str(s)\n#define INCFILE(n) vers ## n\nxstr(INCFILE(2).h)", `"vers2.h"`},
		{"c99 t", "#define t(x,y,z) x ## y ## z\nt(1,2,3), t(,4,5), t(6,,7), t(8,9,), t(10,,), t(,11,), t(,,12), t(,,)",
			"123 , 45 , 67 , 89 , 10 , 11 , 12 ,"},
		{"c99 showlist", "#define showlist(...) puts(#__VA_ARGS__)\nshowlist(The first, second, and third items.);",
			`puts ( "The first, second, and third items." ) ;`},
		{"c99 report", "#define report(test, ...) ((test)?puts(#test): printf(__VA_ARGS__))\nreport(x>y, \"x is %d but y is %d\", x, y);",
			`( ( x > y ) ? puts ( "x>y" ) : printf ( "x is %d but y is %d" , x , y ) ) ;`},
		{"twice", "#define twice(x) x x\ntwice(twice(a))", "a a a a"},
		{"paste not expanded first", "#define A 1\n#define CAT(a, b) a ## b\nCAT(A, A)", "AA"},
		{"xstr", "#define STR(x) #x\n#define XSTR(x) STR(x)\n#define V 42\nSTR(V) XSTR(V)", `"V" "42"`},
		{"variadic", "#define P(fmt, ...) printf(fmt, __VA_ARGS__)\nP(\"%d %d\", 1, 2)", `printf ( "%d %d" , 1 , 2 )`},
		{"variadic only", "#define V(...) f(__VA_ARGS__)\nV() V(a, (b, c))", "f ( ) f ( a , ( b , c ) )"},
		{"gnu comma", "#define P(fmt, ...) printf(fmt, ## __VA_ARGS__)\nP(\"x\") P(\"y\", 1)", `printf ( "x" ) printf ( "y" , 1 )`},
		{"if arithmetic", "#if (1 + 2) * 3 == 9 && 10 / 3 == 3 && -1 < 0 && (7 % 4) == 3 && (1 << 4) == 16\nyes\n#else\nno\n#endif", "yes"},
		{"if unsigned", "#if -1 > 0u && (0u - 1) / 2 > 0 && -1 < 0 && -1 >> 1 == -1 && 0xFFFFFFFFFFFFFFFF > 0\nyes\n#endif", "yes"},
		{"if ternary", "#if 0 ? 1 : 2\nyes\n#endif", "yes"},
		{"if defined", "#define A\n#if defined(A) && defined A && !defined(B)\nyes\n#endif", "yes"},
		{"if undefined ident", "#if FOO\nno\n#else\nyes\n#endif", "yes"},
		{"if macro", "#define V 3\n#if V > 2\nyes\n#endif", "yes"},
		{"if char", "#if 'a' == 97 && '\\n' == 10\nyes\n#endif", "yes"},
		{"if hex", "#if 0x10 == 16 && 010 == 8 && 10UL == 10\nyes\n#endif", "yes"},
		{"elif", "#define X 2\n#if X == 1\none\n#elif X == 2\ntwo\n#elif X == 2\nagain\n#else\nother\n#endif", "two"},
		{"nested", "#if 1\n#if 0\na\n#else\nb\n#endif\n#endif\n#if 0\n#if 1\nc\n#endif\n#else\nd\n#endif", "b | d"},
		{"ifdef", "#define A\n#ifdef A\na\n#endif\n#ifndef A\nb\n#endif\n#ifdef B\nc\n#endif\n#ifndef B\nd\n#endif", "a | d"},
		{"skipped junk", "#if 0\n#bogus\n'\n#endif\nok", "ok"},
		{"undef", "#define A 1\n#undef A\nA", "A"},
		{"line", "a __LINE__\n\nb __LINE__", "a 1 | b 3"},
		// gcc -E agrees: __LINE__ is the physical line of the macro's name.
		{"line in macro", "#define L __LINE__\nint x = \\\n L;\nL", "int x = 3 ; | 4"},
		{"file", "__FILE__", `"main.c"`},
		{"continuation", "#define LONG 1 + \\\n 2\nLONG", "1 + 2"},
		{"continuation in token", "in\\\nt x;", "int x ;"},
		{"null directive", "#\nx", "x"},
		{"hash from macro", "#define H #\nH define X\nX", "# define X | X"},
		{"comments", "a /* b\nc */ d // e\nf", "a d | f"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ppText(t, tc.src, headers)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if gcc := gccPreprocess(t, tc.src, headers); gcc != "" && gcc != tokensOnly(tc.want) {
				t.Errorf("gcc -E disagrees with the expectation:\ngcc  %s\nwant %s", gcc, tokensOnly(tc.want))
			}
		})
	}
}

// gccPreprocess runs the host's gcc -E on src (with headers beside it) and
// returns its tokens separated by spaces, to check the expectations above
// against an independent preprocessor; "" when gcc is missing.
func gccPreprocess(t *testing.T, src string, headers map[string]string) string {
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		return ""
	}
	dir := t.TempDir()
	files := map[string]string{"main.c": src}
	for k, v := range headers {
		files[k] = v
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(gcc, "-E", "-P", "-undef", "-w", "-Iinc", "main.c")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("gcc -E: %v", err)
	}
	var words []string
	for _, tok := range Tokenize(NewFile("gcc.i", string(out)), &errorList{}) {
		if tok.Kind != TEOF {
			words = append(words, tok.Text)
		}
	}
	return strings.Join(words, " ")
}

// tokensOnly drops the line separators of a ppText result.
func tokensOnly(s string) string { return strings.ReplaceAll(s, " | ", " ") }

func TestPreprocessErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unterminated if", "#if 1\nx\n", `main.c:1:1: unterminated conditional directive`},
		{"unterminated ifdef in skip", "#ifdef X\n#if 1\n#endif\n", `main.c:1:1: unterminated conditional directive`},
		{"unterminated in header", "#include \"bad.h\"\n#endif\n", `bad.h:1:1: unterminated conditional directive(.|\n)*main.c:2:2: #endif without #if`},
		{"bad directive", "#foo bar\n", `main.c:1:2: invalid preprocessing directive #foo`},
		{"endif alone", "#endif\n", `main.c:1:2: #endif without #if`},
		{"else alone", "#else\n", `main.c:1:2: #else without #if`},
		{"elif after else", "#if 0\n#else\n#elif 1\n#endif\n", `main.c:3:2: #elif after #else`},
		{"error", "#error stop here\n", `main.c:1:1: #error stop here`},
		{"missing file", "#include \"nope.h\"\n", `main.c:1:2: nope.h: file not found`},
		{"bad include", "#include nope\n", `main.c:1:10: #include expects`},
		{"div zero", "#if 1/0\n#endif\n", `main.c:1:6: division by zero in #if`},
		{"bad if", "#if 1 +\n#endif\n", `main.c:1:2: missing operand`},
		{"empty if", "#if\n#endif\n", `main.c:1:2: #if with no expression`},
		{"arg count", "#define F(a, b) a\nF(1)\n", `main.c:2:1: macro F expects 2 arguments, given 1`},
		{"unterminated call", "#define F(a) a\nF(1\n", `main.c:2:1: unterminated argument list invoking macro F`},
		{"hash no param", "#define F(a) #b\n", `main.c:1:14: '#' is not followed by a macro parameter`},
		{"paste at end", "#define F(a) a ##\n", `main.c:1:16: '##' cannot appear at either end`},
		{"bad paste", "#define CAT(a, b) a ## b\nCAT(+, /)\n", `main.c:2:5: pasting "\+" and "/" does not give a valid preprocessing token`},
		{"paste stringized", "#define G(a) #a ## _\nG(q)\n", `main.c:2:1: pasting ""q"" and "_" does not give`},
		{"define defined", "#define defined 1\n", `main.c:1:9: "defined" cannot be used as a macro name`},
		{"define number", "#define 1 2\n", `main.c:1:9: macro name must be an identifier`},
		{"unterminated comment", "a /* b\n", `main.c:1:3: unterminated comment`},
		{"unterminated string", "\"abc\n", `main.c:1:1: unterminated string literal`},
		{"self include", "#include \"main.c\"\n", `#include nested too deeply`},
		{"all at once", "#foo\n#bar\n", `main.c:1:2: invalid preprocessing directive #foo\n.*\n.*\nmain.c:2:2: invalid preprocessing directive #bar`},
		{"caret", "  #foo\n", "main.c:1:4: invalid preprocessing directive #foo\n\t  #foo\n\t   \\^"},
	}
	files := map[string]string{"bad.h": "#if 1\n", "main.c": "#include \"main.c\"\n"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ppText(t, tc.src, files)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !regexp.MustCompile(tc.want).MatchString(err.Error()) {
				t.Errorf("error:\n%v\nwant match for %q", err, tc.want)
			}
		})
	}
}

func TestDefines(t *testing.T) {
	cfg := &Config{Defines: []string{"DEBUG", "LEVEL=3", "EMPTY="}}
	toks, err := Preprocess(cfg, "d.c", "DEBUG LEVEL [EMPTY]")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := FormatTokens(toks), "1 3 []\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFormatTokens(t *testing.T) {
	toks, err := Preprocess(nil, "a.c", "#define N 3\nint  a[N];\n  x =\t1;\n")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := FormatTokens(toks), "int a[3];\nx = 1;\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzPreprocess(f *testing.F) {
	f.Add("#define F(x, ...) #x __VA_ARGS__ x ## x\nF(a, b) __LINE__\n#if F\n#elif 1/0\n#endif")
	f.Add("#define a a b\n#define b a\na\n#include \"x\"\n#if (1 ? 2 : 3) << 4\n")
	f.Add("#define f(x) f(x)\nf(f(f(1)))\n'\\x'\"\\")
	f.Add("#define C(a,b) a##b\nC(,)C(/,/)C(.,.)")
	f.Fuzz(func(t *testing.T, src string) {
		within(t, 10*time.Second, func() {
			cfg := &Config{ReadFile: memFS(map[string]string{"x": src})}
			toks, _ := Preprocess(cfg, "fuzz.c", src)
			if len(toks) == 0 || toks[len(toks)-1].Kind != TEOF {
				t.Error("token list does not end with EOF")
			}
		})
	})
}

func TestTooManyErrors(t *testing.T) {
	src := strings.Repeat("#bad\n", 100)
	_, err := Preprocess(nil, "many.c", src)
	msg := err.Error()
	if n := strings.Count(msg, "invalid preprocessing directive"); n != maxErrors {
		t.Errorf("%d errors reported, want %d", n, maxErrors)
	}
	lines := strings.Split(msg, "\n")
	if last := lines[len(lines)-3]; !strings.HasSuffix(last, "too many errors; stopping") {
		t.Errorf("last error is %q, want the 'too many errors' note", last)
	}
}

// TestLineAndWarning: #line renumbers __LINE__ (and renames __FILE__) from
// the next line, as gcc does; #warning is reported, positioned, and the
// compilation goes on.
func TestLineAndWarning(t *testing.T) {
	src := "__LINE__ __FILE__\n#line 100\n__LINE__ __FILE__\n#line 200 \"other.c\"\n__LINE__ __FILE__\n#warning look out\n__LINE__\n"
	var warned []string
	cfg := &Config{Warn: func(m string) { warned = append(warned, m) }}
	toks, err := Preprocess(cfg, "main.c", src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tok := range toks {
		if tok.Kind != TEOF {
			got = append(got, tok.Text)
		}
	}
	want := `1 "main.c" 100 "main.c" 200 "other.c" 202`
	if strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
	if len(warned) != 1 || warned[0] != "main.c:6:1: warning: #warning look out" {
		t.Errorf("warnings %q", warned)
	}
	if _, err := Preprocess(cfg, "main.c", "#line x\n"); err == nil || !strings.Contains(err.Error(), "#line takes a line number") {
		t.Errorf("#line x: %v", err)
	}
}
