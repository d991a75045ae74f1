// Package cc is v6vm's C compiler front end. It follows chibicc's stages,
// one file each: tokenize.go splits text into tokens, preprocess.go and
// macro.go run the preprocessor, parse.go, decl.go, stmt.go, expr.go and
// init.go build a typed syntax tree (ast.go, types.go), and lower.go
// translates that tree to the shared back end's IR (tools/backend), which
// writes assembly for asm/.
//
// Every stage reports all the errors it finds, as file:line:col: message
// with the source line and a caret; later stages do not run on a unit with
// errors.
package cc

import "strings"

// Check preprocesses and parses one C source file. Preprocessing errors
// other than a missing header do not stop parsing, so one run reports as
// much as it can.
func Check(cfg *Config, name, text string) (*Program, error) {
	errs := &errorList{}
	toks := preprocess(cfg, errs, NewFile(name, text))
	if errs.fatal {
		return nil, errs.err()
	}
	prog := parse(toks, errs)
	return prog, errs.err()
}

// Compile translates one C source file to v6vm assembly text.
func Compile(cfg *Config, name, text string) (string, error) {
	errs := &errorList{}
	toks := preprocess(cfg, errs, NewFile(name, text))
	if errs.fatal {
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
	if err := Generate(&b, prog, files); err != nil {
		return "", err
	}
	return b.String(), nil
}
