// Command sysgen writes kernel/sysent.go and userland/lib/syscalls.s from
// kernel/syscalls.tab.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"v6vm/tools/sysgen"
)

func main() {
	root := flag.String("root", ".", "the repository root")
	flag.Parse()
	text, err := os.ReadFile(filepath.Join(*root, "kernel/syscalls.tab"))
	if err == nil {
		var calls []sysgen.Call
		calls, err = sysgen.Parse(string(text))
		if err == nil {
			err = os.WriteFile(filepath.Join(*root, "kernel/sysent.go"), []byte(sysgen.Kernel(calls)), 0o644)
		}
		if err == nil {
			os.MkdirAll(filepath.Join(*root, "userland/lib"), 0o755)
			err = os.WriteFile(filepath.Join(*root, "userland/lib/syscalls.s"), []byte(sysgen.User(calls)), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sysgen:", err)
		os.Exit(1)
	}
}
