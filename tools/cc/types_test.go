package cc

import "testing"

// TestDeclarators checks that declarators nest as C's "declaration follows
// use" rule says, by spelling the declared types back.
func TestDeclarators(t *testing.T) {
	tests := []struct{ decl, name, want string }{
		{"int *a[3];", "a", "int *[3]"},
		{"int (*a)[3];", "a", "int (*)[3]"},
		{"int (*f)(int, char *);", "f", "int (*)(int, char *)"},
		{"char *(*g[2])(void);", "g", "char *(*[2])(void)"},
		{"int m[2][5];", "m", "int [2][5]"},
		{"unsigned long int u;", "u", "unsigned long"},
		{"signed char sc;", "sc", "char"},
		{"short unsigned su;", "su", "unsigned short"},
		{"int (*(*h)(int))[4];", "h", "int (*(*)(int))[4]"},
		{"void (*signal(int, void (*)(int)))(int);", "signal", "void (*(int, void (*)(int)))(int)"},
		{"typedef int T[4]; T *pt;", "pt", "int (*)[4]"},
		{"int (*old)();", "old", "int (*)()"},
		{"struct s { int a; }; struct s *ps;", "ps", "struct s *"},
		{"enum e { X }; enum e ev;", "ev", "enum e"},
		{"int printf(const char *, ...);", "printf", "int (char *, ...)"},
	}
	for _, tc := range tests {
		prog, err := Check(nil, "t.c", tc.decl)
		if err != nil {
			t.Errorf("%s: %v", tc.decl, err)
			continue
		}
		var got string
		for _, o := range prog.Objs {
			if o.Name == tc.name {
				got = o.Ty.String()
			}
		}
		if got != tc.want {
			t.Errorf("%s\n\t%s has type %q, want %q", tc.decl, tc.name, got, tc.want)
		}
	}
}

func TestSizes(t *testing.T) {
	tests := []struct {
		decl        string
		size, align int
	}{
		{"char x;", 1, 1},
		{"short x;", 2, 2},
		{"long x;", 4, 4},
		{"char *x;", 4, 4},
		{"struct { char c; int i; short s; } x;", 12, 4},
		{"struct { char c; short s; char d; } x;", 6, 2},
		{"union { char c[5]; int i; } x;", 8, 4},
		{"int x[3][5];", 60, 4},
		{"char x[] = \"abc\";", 4, 1},
		{"int x[] = {1, [7] = 2, 3};", 36, 4},
		{"struct { int n; char data[]; } x;", 4, 4},
		{"enum { A } x;", 4, 4},
		{"_Bool x;", 1, 1},
	}
	for _, tc := range tests {
		prog, err := Check(nil, "t.c", tc.decl)
		if err != nil {
			t.Errorf("%s: %v", tc.decl, err)
			continue
		}
		ty := prog.Objs[len(prog.Objs)-1].Ty
		if ty.Size != tc.size || ty.Align != tc.align {
			t.Errorf("%s: size %d align %d, want %d %d", tc.decl, ty.Size, ty.Align, tc.size, tc.align)
		}
	}
}
