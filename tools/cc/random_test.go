package cc_test

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRandomExpressions is a small csmith: it generates integer expressions
// over variables of every integer type, free of undefined behaviour (signed
// arithmetic goes through unsigned, shifts stay in range, divisors are
// positive constants, no long, which is 64 bits on the host), and checks that gcc's program and ours print the same.
//
// CC_RANDOM_SEEDS=N runs N programs instead of 8, for a longer hunt.
func TestRandomExpressions(t *testing.T) {
	seeds := int64(8)
	if n, err := strconv.Atoi(os.Getenv("CC_RANDOM_SEEDS")); err == nil {
		seeds = int64(n)
	}
	for seed := int64(1); seed <= seeds; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			src := randomProgram(rand.New(rand.NewSource(seed)), 200)
			file := filepath.Join(t.TempDir(), "random.c")
			if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			want, _ := runGCC(t, file)
			got, _ := runVM(t, buildVM(t, file))
			if got == want {
				opt := *ccConfig
				opt.Optimize = true
				got, _ = runVM(t, buildVMWith(t, &opt, file)) // and cc -O
			}
			if got != want {
				gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("line %d differs: gcc %q, cc %q\nprogram:\n%s", i+1, wl[i], gl[i], src)
					}
				}
				t.Fatalf("output lengths differ:\ngcc %q\ncc  %q", want, got)
			}
		})
	}
}

type exprGen struct {
	r *rand.Rand
}

var randomVars = []struct{ decl, name string }{
	{"int", "i1"}, {"int", "i2"}, {"unsigned", "u1"}, {"unsigned", "u2"},
	{"char", "c1"}, {"signed char", "c2"}, {"unsigned char", "uc"},
	{"short", "s1"}, {"unsigned short", "us"}, {"_Bool", "b1"},
	// No long: it is 64 bits on the host, which changes the conversions.
}

// castTypes leaves out _Bool: gcc 12 crashes (an ICE in gimplify) on some
// casts of constant comma expressions to _Bool.
var castTypes = []string{"int", "unsigned", "char", "unsigned char", "short", "unsigned short", "signed char"}

// index is an in-bounds subscript for the 8-element arrays.
func (g *exprGen) index() string {
	if g.r.Intn(2) == 0 {
		return fmt.Sprint(g.r.Intn(8))
	}
	return fmt.Sprintf("((unsigned)(%s) %% 8)", g.leaf())
}

// memory reads arrays, structs and pointers, to exercise scaling and layout.
func (g *exprGen) memory() string {
	field := []string{"c", "s", "i", "uc"}[g.r.Intn(4)]
	switch g.r.Intn(8) {
	case 0:
		return fmt.Sprintf("arr[%s].%s", g.index(), field)
	case 1:
		return fmt.Sprintf("(&arr[%s])->%s", g.index(), field)
	case 2:
		return fmt.Sprintf("*(ia + %s)", g.index())
	case 3:
		return fmt.Sprintf("(sa + 2)[%s %% 6]", g.index())
	case 4:
		return fmt.Sprintf("(int)(&ca[%s] - &ca[%s])", g.index(), g.index())
	case 5:
		return fmt.Sprintf("(int)((char *)&arr[%s].%s - (char *)arr)", g.index(), field)
	case 6:
		return fmt.Sprintf("pp[%s %% 4][%s %% 2]", g.index(), g.index())
	}
	return fmt.Sprintf("((struct rs *)((char *)arr + sizeof(struct rs) * %s))->%s", g.index(), field)
}

func (g *exprGen) leaf() string {
	if g.r.Intn(5) == 0 {
		return g.memory()
	}
	if g.r.Intn(3) == 0 {
		return fmt.Sprint([]int{0, 1, 2, 7, 100, 255, 256, 1000, 65535, 32767, 12345}[g.r.Intn(11)]) + []string{"", "u", ""}[g.r.Intn(3)]
	}
	return randomVars[g.r.Intn(len(randomVars))].name
}

// expr returns an expression of at most the given depth.
func (g *exprGen) expr(depth int) string {
	if depth == 0 || g.r.Intn(4) == 0 {
		return g.leaf()
	}
	a, b := g.expr(depth-1), g.expr(depth-1)
	switch g.r.Intn(11) {
	case 0: // wrapping arithmetic, through unsigned
		op := []string{"+", "-", "*"}[g.r.Intn(3)]
		return fmt.Sprintf("(int)((unsigned)(%s) %s (unsigned)(%s))", a, op, b)
	case 1:
		op := []string{"&", "|", "^"}[g.r.Intn(3)]
		return fmt.Sprintf("(%s %s %s)", a, op, b)
	case 2:
		op := []string{"<", "<=", ">", ">=", "==", "!="}[g.r.Intn(6)]
		return fmt.Sprintf("(%s %s %s)", a, op, b)
	case 3:
		op := []string{"&&", "||"}[g.r.Intn(2)]
		return fmt.Sprintf("(%s %s %s)", a, op, b)
	case 4:
		return fmt.Sprintf("(%s ? %s : %s)", a, b, g.expr(depth-1))
	case 5:
		return fmt.Sprintf("((%s)(%s))", castTypes[g.r.Intn(len(castTypes))], a)
	case 6:
		op := []string{"/", "%"}[g.r.Intn(2)]
		return fmt.Sprintf("(%s %s %d)", a, op, 1+g.r.Intn(20))
	case 7:
		return fmt.Sprintf("((unsigned)(%s) << %d)", a, g.r.Intn(32))
	case 8:
		return fmt.Sprintf("((%s) >> %d)", a, g.r.Intn(32))
	case 9:
		op := []string{"~", "!", "-(unsigned)"}[g.r.Intn(3)]
		return fmt.Sprintf("(%s(%s))", op, a)
	}
	return fmt.Sprintf("(%s, %s)", a, b)
}

// assignment returns a compound assignment with e on the right: only at the
// top, since two unsequenced writes of one variable would be undefined.
func (g *exprGen) assignment(e string) string {
	v := randomVars[g.r.Intn(len(randomVars))].name
	if g.r.Intn(3) == 0 {
		v = []string{"arr[3].s", "arr[5].c", "(&arr[1])->uc", "ia[6]", "sa[2]", "pp[1][1]"}[g.r.Intn(6)]
		return fmt.Sprintf("(%s %s (%s))", v, []string{"+=", "^=", "|="}[g.r.Intn(3)], e)
	}
	op := []string{"+=", "-=", "^=", "|=", "&="}[g.r.Intn(5)]
	if strings.HasPrefix(v, "i") {
		return fmt.Sprintf("(%s = (int)((unsigned)%s %s (unsigned)(%s)))", v, v, op[:1], e)
	}
	return fmt.Sprintf("(%s %s (%s))", v, op, e)
}

func randomProgram(r *rand.Rand, n int) string {
	g := &exprGen{r}
	var b strings.Builder
	b.WriteString("#include <stdio.h>\n\n")
	for _, v := range randomVars {
		fmt.Fprintf(&b, "%s %s;\n", v.decl, v.name)
	}
	b.WriteString(`struct rs { char c; short s; int i; unsigned char uc; } arr[8];
int ia[8];
short sa[8];
char ca[8];
int (*pp)[2] = (int (*)[2])ia;
`)
	b.WriteString("\nvoid reset(void)\n{\n\tint k;\n")
	for i, v := range randomVars {
		fmt.Fprintf(&b, "\t%s = %d;\n", v.name, []int{-7, 300, 40000, 3, -100, 77, 200, -3000, 60000, 123456, 1, 9}[i%12])
	}
	b.WriteString(`	for (k = 0; k < 8; k++) {
		arr[k].c = k * 37 - 100;
		arr[k].s = k * 5000 - 17000;
		arr[k].i = k * 123456789;
		arr[k].uc = k * 50;
		ia[k] = k * k - 20;
		sa[k] = -k * 1111;
		ca[k] = k * 40;
	}
`)
	b.WriteString("}\n\nint main(void)\n{\n")
	for i := 0; i < n; i++ {
		e := g.expr(4)
		if r.Intn(4) == 0 {
			e = g.assignment(e)
		}
		fmt.Fprintf(&b, "\treset();\n\tprintf(\"%d: %%d\\n\", (int)(%s));\n", i, e)
	}
	b.WriteString("\treturn 0;\n}\n")
	return b.String()
}

// TestRandomStatements extends the random programs to control flow: nested
// if, switch with fall-through, bounded loops with break and continue, and
// goto, each function printing every variable at its end.
func TestRandomStatements(t *testing.T) {
	seeds := int64(6)
	if n, err := strconv.Atoi(os.Getenv("CC_RANDOM_SEEDS")); err == nil {
		seeds = int64(n)
	}
	for seed := int64(1); seed <= seeds; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			src := randomFlowProgram(rand.New(rand.NewSource(seed)), 12)
			file := filepath.Join(t.TempDir(), "flow.c")
			if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			want, _ := runGCC(t, file)
			got, _ := runVM(t, buildVM(t, file))
			if got == want {
				opt := *ccConfig
				opt.Optimize = true
				got, _ = runVM(t, buildVMWith(t, &opt, file)) // and cc -O
			}
			if got != want {
				t.Fatalf("output differs\ngcc:\n%s\ncc:\n%s\nprogram:\n%s", want, got, src)
			}
		})
	}
}

type flowGen struct {
	exprGen
	b      strings.Builder
	labels int
	loops  int // loop nesting: break and continue are allowed inside
}

func (g *flowGen) line(depth int, format string, args ...any) {
	g.b.WriteString(strings.Repeat("\t", depth))
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteByte('\n')
}

// stmt writes one random statement; loop counters (k0, k1, ...) are never
// assigned by the statements, so every loop ends.
func (g *flowGen) stmt(depth, budget int) {
	if budget <= 0 || depth > 4 {
		g.line(depth, "%s;", g.assignment(g.expr(2)))
		return
	}
	switch g.r.Intn(8) {
	case 0:
		g.line(depth, "if (%s) {", g.expr(2))
		g.stmt(depth+1, budget-1)
		g.line(depth, "} else {")
		g.stmt(depth+1, budget-1)
		g.line(depth, "}")
	case 1:
		g.line(depth, "switch ((unsigned)(%s) %% 4) {", g.expr(2))
		for c := 0; c < 3; c++ {
			g.line(depth, "case %d:", c)
			g.stmt(depth+1, budget-2)
			if g.r.Intn(2) == 0 {
				g.line(depth+1, "break;")
			}
		}
		g.line(depth, "default:")
		g.stmt(depth+1, budget-2)
		g.line(depth, "}")
	case 2, 3:
		k := fmt.Sprintf("k%d", g.loops)
		g.loops++
		switch g.r.Intn(3) {
		case 0:
			g.line(depth, "for (%s = 0; %s < %d; %s++) {", k, k, 1+g.r.Intn(4), k)
		case 1:
			g.line(depth, "%s = %d;", k, 1+g.r.Intn(4))
			g.line(depth, "while (%s-- > 0) {", k)
		default:
			g.line(depth, "%s = %d;", k, g.r.Intn(4))
			g.line(depth, "do {")
		}
		g.stmt(depth+1, budget-1)
		switch g.r.Intn(3) {
		case 0:
			g.line(depth+1, "if (%s) break;", g.expr(2))
		case 1:
			g.line(depth+1, "if (%s) continue;", g.expr(2))
		}
		g.stmt(depth+1, budget-1)
		if strings.HasSuffix(strings.TrimSpace(g.lastLoop()), "do {") {
			g.line(depth, "} while (%s-- > 0);", k)
		} else {
			g.line(depth, "}")
		}
		g.loops--
	case 4:
		g.labels++
		label := g.labels
		g.line(depth, "if (%s) goto skip%d;", g.expr(2), label)
		g.stmt(depth, budget-1)
		g.line(depth, "skip%d:;", label)
	default:
		g.line(depth, "%s;", g.assignment(g.expr(3)))
	}
}

// lastLoop returns the header line of the loop being closed.
func (g *flowGen) lastLoop() string {
	lines := strings.Split(g.b.String(), "\n")
	depth := 0
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		switch {
		case strings.HasPrefix(l, "}") && strings.HasSuffix(l, "{"):
		case strings.HasPrefix(l, "}"):
			depth++
		case strings.HasSuffix(l, "{"):
			if depth == 0 {
				return l
			}
			depth--
		}
	}
	return ""
}

func randomFlowProgram(r *rand.Rand, funcs int) string {
	base := randomProgram(r, 0)
	head, _, _ := strings.Cut(base, "int main(void)")
	g := &flowGen{exprGen: exprGen{r}}
	g.b.WriteString(head)
	for f := 0; f < funcs; f++ {
		fmt.Fprintf(&g.b, "void f%d(void)\n{\n\tint k0, k1, k2, k3, k4, k5;\n", f)
		for i := 0; i < 4; i++ {
			g.stmt(1, 5)
		}
		g.b.WriteString("\tprintf(\"")
		for range randomVars {
			g.b.WriteString("%d ")
		}
		g.b.WriteString("%d %d\\n\"")
		for _, v := range randomVars {
			fmt.Fprintf(&g.b, ", %s", v.name)
		}
		g.b.WriteString(", ia[6], arr[3].s);\n}\n\n")
	}
	g.b.WriteString("int main(void)\n{\n")
	for f := 0; f < funcs; f++ {
		fmt.Fprintf(&g.b, "\treset();\n\tf%d();\n", f)
	}
	g.b.WriteString("\treturn 0;\n}\n")
	return g.b.String()
}
