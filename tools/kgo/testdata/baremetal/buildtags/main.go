//go:build v6vm

// Files are chosen by build constraints as if the v6vm tag were set.
package main

func main() { println(which()) }
