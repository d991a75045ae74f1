// A package of several files with an assembly routine: addAsm is declared
// without a body and defined in add.s, which calls back into Go.
package main

func addAsm(a, b int) int

func main() {
	println(addAsm(40, 2), twice(addAsm(-1, -2)))
}
