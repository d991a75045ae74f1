// Package cc is v6vm's C compiler front end. It follows chibicc's stages,
// one file each: tokenize.go splits text into tokens, preprocess.go and
// macro.go run the preprocessor, parse.go, decl.go, stmt.go, expr.go and
// init.go build a typed syntax tree (ast.go, types.go), and lower.go
// translates that tree to the shared back end's IR (tools/backend), which
// writes assembly for asm/.
//
// Every stage reports all the errors it finds, as file:line:col: message
// with the source line and a caret; code is generated only for a unit
// without errors.
//
// # The language
//
// C99 as operating-systems courses write it: char (signed), short, int and
// long (32 bits), _Bool, signed and unsigned, enums, pointers, arrays of any
// rank, structs, unions, typedef, function pointers, variadic functions
// (<stdarg.h> walks the stack slots, since every parameter stays in its
// incoming slot), every operator, initialisers with designators and brace
// elision, compound literals, bit-fields, static and extern, goto, switch with fall-through, block scopes;
// main returns 0 at its closing brace. The preprocessor has #include
// ("..." beside the including file, then -I, then system directories),
// object- and function-like macros with # and ##, __VA_ARGS__ (and GNU's
// ", ## __VA_ARGS__"), #if arithmetic with defined, __LINE__ and __FILE__.
//
// Bit-fields are laid out by the System V i386 rules, as gcc does.
//
// Not supported, each with an error at its position: floating point, long
// long, wide characters, variable-length arrays, K&R parameter lists, GNU
// statement expressions.
//
// # Target
//
// ILP32 with the cdecl convention of tools/backend, which keeps every local
// in its stack slot and every frame an EBP frame: the vfork demonstrations
// depend on it. The back end's plain code is the default (the demos are
// calibrated on its instruction counts); Config.Optimize (cc -O) asks for
// its better instruction choice with the same frames. C names the assembler would read as registers (dx, al) are
// emitted as C.name.
package cc

import "strings"

// Check preprocesses and parses one C source file. Preprocessing errors
// other than a missing header do not stop parsing, so one run reports as
// much as it can.
func Check(cfg *Config, name, text string) (*Program, error) {
	errs := &errorList{}
	toks := preprocess(cfg, errs, NewFile(name, text))
	if errs.fatal || len(errs.errs) > maxErrors {
		return nil, errs.err()
	}
	prog := parse(toks, errs)
	return prog, errs.err()
}

// Compile translates one C source file to v6vm assembly text.
func Compile(cfg *Config, name, text string) (string, error) {
	errs := &errorList{}
	toks := preprocess(cfg, errs, NewFile(name, text))
	if errs.fatal || len(errs.errs) > maxErrors {
		return "", errs.err()
	}
	files := map[string]*File{}
	for _, t := range toks {
		if f := t.Pos.File; f != nil {
			files[f.Name] = f
		}
	}
	prog := parse(toks, errs)
	if err := errs.err(); err != nil {
		return "", err
	}
	var b strings.Builder
	if err := Generate(&b, prog, files, cfg != nil && cfg.Optimize); err != nil {
		return "", err
	}
	return b.String(), nil
}
