package main

import (
	"fmt"
	"os"
	"strings"

	"v6vm/tools/build"
	"v6vm/tools/fs"
)

func init() {
	c := &command{name: "mkfs", usage: "[flags] [HOSTFILE:/PATH ...]",
		short: "make a disk image with the system's programs"}
	c.run = func(args []string) int { return runMkfs(c, args) }
	register(c)
}

func runMkfs(c *command, args []string) int {
	flags := newFlags(c, `Formats a disk image in V6++'s file-system layout (superblock at sector
200, inodes at 202-1023, data from 1024) holding init at /init, every
program of userland/bin at /bin/NAME, the console at /dev/tty and an empty
/tmp, plus each HOSTFILE at /PATH. The kernel mounts it as its root file
system: v6vm run --disk FILE.`)
	out := flags.StringP("output", "o", "disk.img", "the image file to write")
	size := flags.Int("size", fs.DefaultSize>>20, "image size in MiB")
	if done, status := parseFlags(flags, args); done {
		return status
	}
	var extra []fs.File
	for _, a := range flags.Args() {
		host, guest, ok := strings.Cut(a, ":")
		if !ok || !strings.HasPrefix(guest, "/") {
			fmt.Fprintf(os.Stderr, "v6vm mkfs: %q: want HOSTFILE:/PATH\n", a)
			return 2
		}
		data, err := os.ReadFile(host)
		if err != nil {
			fmt.Fprintf(os.Stderr, "v6vm mkfs: %v\n", err)
			return 1
		}
		extra = append(extra, fs.File{Path: guest, Data: data, Mode: 0644})
	}
	img, err := build.SystemDisk(sourceTree(), *size<<20, extra...)
	if err != nil {
		fmt.Fprintf(os.Stderr, "v6vm mkfs: %v\n", err)
		return 1
	}
	if err := os.WriteFile(*out, img, 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "v6vm mkfs: %v\n", err)
		return 1
	}
	fmt.Printf("%s: %s", *out, fs.Check(img))
	return 0
}
