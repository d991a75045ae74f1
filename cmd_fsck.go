package main

import (
	"fmt"
	"os"

	"v6vm/tools/fs"
)

func init() {
	c := &command{name: "fsck", usage: "IMAGE...", short: "check a disk image's file system"}
	c.run = func(args []string) int { return runFsck(c, args) }
	register(c)
}

func runFsck(c *command, args []string) int {
	flags := newFlags(c, `Checks each disk image, as V6's fsck, without repairing anything: the
superblock; every data block used by exactly one file or the free list;
link counts against the directory entries; directories with their . and
..; sizes against blocks. Each problem names the inode, block or path.
Exits 1 if any image has problems.`)
	if done, status := parseFlags(flags, args); done {
		return status
	}
	if flags.NArg() == 0 {
		flags.Usage()
		return 2
	}
	status := 0
	for _, name := range flags.Args() {
		img, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm fsck: %v\n", err)
			status = 1
			continue
		}
		r := fs.Check(img)
		fmt.Printf("%s: %s", name, r)
		if !r.OK() {
			status = 1
		}
	}
	return status
}
