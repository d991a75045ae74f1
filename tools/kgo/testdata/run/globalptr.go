package main

type Node struct {
	Val  int
	Next *Node
}

var n3 = Node{Val: 3}
var n2 = Node{2, &n3}
var n1 = Node{1, &n2}
var head = &n1
var greeting = "hello"
var words = [3]string{"a", "bb", "ccc"}
var counter int
var pcounter = &counter

func main() {
	for n := head; n != nil; n = n.Next {
		print(n.Val, " ")
	}
	println()
	println(greeting, len(greeting), greeting[1])
	for _, w := range words {
		print(w, len(w), " ")
	}
	println()
	*pcounter = 5
	println(counter)
}
