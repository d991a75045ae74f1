package main

import (
	"fmt"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"

	"v6vm/asm"
	"v6vm/tools/build"
	"v6vm/tools/cc"
)

func init() {
	c := &command{name: "cc", usage: "[-o OUT] [-S] [-E] [-O] [-I DIR]... [-D NAME[=VALUE]]... FILE.c|FILE.s...",
		short: "compile C programs for the machine"}
	c.run = func(args []string) int { return runCC(c, args) }
	register(c)
}

// sysInclude is where <...> headers live when run from the repository.
const sysInclude = "userland/include"

func runCC(c *command, args []string) int {
	fs := newFlags(c, `Compiles C files with v6vm's C compiler (C99 without floating point; see
"go doc v6vm/tools/cc") and assembles and links them, with any FILE.s given,
into one executable for the kernel: linked with crt0 and the C library
(only the parts it uses), ready for v6vm run. --nostdlib links only the
files given (bare-metal programs, with their own start-up code).

-E writes the preprocessed source, -S the assembly (with .loc line
directives and each statement's source line as a comment). Headers in <...>
are searched in the -I directories, then in userland/include. Every error
is reported, as FILE:LINE:COL: message with the line and a caret, and the
exit status is 1.`)
	out := fs.StringP("output", "o", "", "write the output to `FILE` (default a.out; with -S, FILE.s; with -E, standard output; - is standard output)")
	asmOnly := fs.BoolP("assembly", "S", false, "stop after generating assembly")
	ppOnly := fs.BoolP("preprocess", "E", false, "stop after preprocessing")
	incs := fs.StringArrayP("include", "I", nil, "search `DIR` for #include files")
	defs := fs.StringArrayP("define", "D", nil, "define macro `NAME[=VALUE]` (VALUE defaults to 1)")
	optimize := fs.BoolP("optimize", "O", false, "improve the instruction choice (frames and stack slots stay as without -O)")
	nostdlib := fs.Bool("nostdlib", false, "link only the files given: no crt0, no C library")
	if done, status := parseFlags(fs, args); done {
		return status
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	cfg := &cc.Config{IncludeDirs: *incs, Defines: *defs, Optimize: *optimize, SysDirs: []string{sysInclude}}
	// The system headers come from the checkout if there is one, else
	// from the copy inside the command.
	cfg.ReadFile = func(name string) ([]byte, error) {
		b, err := os.ReadFile(name)
		if err != nil && strings.HasPrefix(name, sysInclude+"/") {
			return iofs.ReadFile(sourceTree(), name)
		}
		return b, err
	}
	if (*ppOnly || *asmOnly) && *out != "" && fs.NArg() > 1 {
		fmt.Fprintln(os.Stderr, "v6vm cc: -o with -E or -S takes one input file")
		return 2
	}
	switch {
	case *ppOnly:
		return ccPreprocess(cfg, fs.Args(), *out)
	case *asmOnly:
		return ccAssembly(cfg, fs.Args(), *out)
	}
	if *out == "" {
		*out = "a.out"
	}
	return ccLink(cfg, fs.Args(), *out, !*nostdlib)
}

// ccCompile compiles one input: C files to assembly; .s files pass through.
func ccCompile(cfg *cc.Config, path string) (asm.Source, bool) {
	text, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm cc: %v\n", err)
		return asm.Source{}, false
	}
	if strings.HasSuffix(path, ".s") {
		return asm.Source{Name: path, Text: text}, true
	}
	s, err := cc.Compile(cfg, path, string(text))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return asm.Source{}, false
	}
	return asm.Source{Name: strings.TrimSuffix(path, filepath.Ext(path)) + ".s", Text: []byte(s)}, true
}

func ccPreprocess(cfg *cc.Config, paths []string, out string) int {
	var b strings.Builder
	status := 0
	for _, path := range paths {
		text, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm cc: %v\n", err)
			status = 1
			continue
		}
		toks, err := cc.Preprocess(cfg, path, string(text))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 1
			continue
		}
		b.WriteString(cc.FormatTokens(toks))
	}
	if out == "" || out == "-" {
		fmt.Print(b.String())
	} else if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "v6vm cc: %v\n", err)
		return 1
	}
	return status
}

func ccAssembly(cfg *cc.Config, paths []string, out string) int {
	status := 0
	for _, path := range paths {
		src, ok := ccCompile(cfg, path)
		if !ok {
			status = 1
			continue
		}
		name := out
		if name == "" {
			name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + ".s"
		}
		if name == "-" {
			os.Stdout.Write(src.Text)
			continue
		}
		if err := os.WriteFile(name, src.Text, 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "v6vm cc: %v\n", err)
			status = 1
		}
	}
	return status
}

func ccLink(cfg *cc.Config, paths []string, out string, stdlib bool) int {
	var srcs []asm.Source
	ok := true
	for _, path := range paths {
		src, good := ccCompile(cfg, path)
		ok = ok && good
		srcs = append(srcs, src)
	}
	if !ok {
		return 1
	}
	opt := asm.Options{}
	if stdlib {
		lib, err := build.Libc(sourceTree())
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm cc: the C library: %v\n", err)
			return 1
		}
		srcs = build.LinkNeeded(srcs, lib)
		opt = asm.Options{TextAddr: build.UserText, Entry: "_start"}
	}
	x, err := asm.Assemble(srcs, opt)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := os.WriteFile(out, x.Marshal(), 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "v6vm cc: %v\n", err)
		return 1
	}
	return 0
}
