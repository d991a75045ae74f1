package main

import "unsafe"

// Functions that only return an expression are compiled in place at each
// call (kgo's leaf inlining): they must still read the variables' values
// at the time of the call, convert as the function's result type says,
// and a function whose expression calls something must stay a call.

type User struct {
	pid  int
	name [4]byte
}

var table [3]User
var current = 1
var calls int

func cur() *User      { return &table[current] }
func curPid() int     { return table[current].pid }
func asByte() uint8   { return uint8(current*100 + 55) }
func addr() uintptr   { return uintptr(unsafe.Pointer(&table[2])) }
func counted() int    { return bump() + current }
func bump() int       { calls++; return calls }
func small() int8     { return -3 }
func isTwo() bool     { return current == 2 }
func nameOf() [4]byte { return table[current].name }

func main() {
	for i := range table {
		table[i].pid = 10 * (i + 1)
		table[i].name = [4]byte{'p', byte('0' + i), 0, 0}
	}
	println(cur().pid, curPid(), isTwo())
	current = 2
	println(cur().pid, curPid(), isTwo())
	cur().pid++
	println(table[2].pid, asByte(), small())
	println(addr() == uintptr(unsafe.Pointer(cur())))
	println(counted(), counted(), calls)
	n := nameOf()
	n[0] = 'q'
	println(n[0], n[1], table[2].name[0])
}
