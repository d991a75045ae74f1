//go:build !linux

package main

func isTerminal(fd int) bool { return false }

func makeRaw(fd int) (restore func(), ok bool) { return func() {}, false }
