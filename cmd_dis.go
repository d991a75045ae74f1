package main

import (
	"fmt"
	"os"

	"v6vm/asm"
	"v6vm/v6vm/exe"
)

func init() {
	c := &command{name: "dis", usage: "FILE", short: "disassemble an executable's text"}
	c.run = func(args []string) int { return runDis(c, args) }
	register(c)
}

func runDis(c *command, args []string) int {
	fs := newFlags(c, `Prints a listing of the text of FILE, a v6vm executable: a header at each
function, a "; file:line" comment where the source line changes, then each
instruction's address, bytes and assembly, with addresses named by the
symbol table (call NewProc, jne Swtch.loop, mov eax, [u+0x10]). Bytes that
do not decode print as (bad).`)
	if done, status := parseFlags(fs, args); done {
		return status
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	path := fs.Arg(0)
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm dis: %v\n", err)
		return 1
	}
	f, err := exe.Parse(b)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm dis: %s is not a v6vm executable: %v\n", path, err)
		return 1
	}
	if err := asm.Disassemble(os.Stdout, f); err != nil {
		fmt.Fprintf(os.Stderr, "v6vm dis: %v\n", err)
		return 1
	}
	return 0
}
