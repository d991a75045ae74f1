package main

import (
	"embed"
	"io/fs"
	"os"
)

// The kernel and userland sources travel inside the v6vm command, so that
// `v6vm boot` and `v6vm run` build the system anywhere, even after go install.
//
//go:embed kernel userland
var embedded embed.FS

// sourceTree is the tree the system is built from: the embedded copy, or
// the directory in $V6VM_SRC (a checkout being edited, without rebuilding
// the command).
func sourceTree() fs.FS {
	if dir := os.Getenv("V6VM_SRC"); dir != "" {
		return os.DirFS(dir)
	}
	return embedded
}
