package main

import (
	"fmt"
	"os"

	"v6vm/asm"
)

func init() {
	c := &command{name: "asm", usage: "[-o OUT] [--text-addr A] [--load-addr A] [--entry SYM] FILE.s...",
		short: "assemble and link .s files into an executable"}
	c.run = func(args []string) int { return runAsm(c, args) }
	register(c)
}

func runAsm(c *command, args []string) int {
	fs := newFlags(c, `Assembles the FILE.s files (Intel operand order, NASM/gas-intel flavour;
see "go doc v6vm/asm" and docs/isa.md) and links them into one v6vm executable.

Text of all files comes first, in command-line order, at --text-addr; data
starts at the next 4096-byte boundary after text, and bss follows data.
Names are local to their file unless declared with .globl. The entry point
is --entry, else _start if some file defines it, else the start of text.

Every error is reported, as FILE:LINE:COL: message, and the exit status is 1.`)
	out := fs.StringP("output", "o", "a.out", "write the executable to `FILE`")
	textAddr := fs.Uint32("text-addr", asm.DefaultTextAddr, "virtual `ADDRESS` of text (decimal or 0x hex)")
	loadAddr := fs.Uint32("load-addr", 0, "physical `ADDRESS` the machine loads text at when it boots the file (default: the text address)")
	entry := fs.String("entry", "", "entry `SYMBOL` (default _start, else the start of text)")
	if done, status := parseFlags(fs, args); done {
		return status
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	x, err := asm.AssembleFiles(fs.Args(), asm.Options{TextAddr: *textAddr, LoadAddr: *loadAddr, Entry: *entry})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := os.WriteFile(*out, x.Marshal(), 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "v6vm asm: %v\n", err)
		return 1
	}
	return 0
}
