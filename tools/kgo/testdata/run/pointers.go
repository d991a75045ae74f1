package main

type Node struct {
	Val  int
	Next *Node
}

func inc(p *int) { *p++ }

func sumArr(a *[4]int) int {
	s := 0
	for i := 0; i < len(a); i++ {
		s += a[i]
	}
	a[0] = 100
	return s
}

func main() {
	x := 5
	p := &x
	inc(p)
	inc(&x)
	println(x, *p)
	pp := &p
	**pp = 42
	println(x)
	arr := [4]int{1, 2, 3, 4}
	println(sumArr(&arr), arr[0])
	var n1, n2, n3 Node
	n1.Val, n2.Val, n3.Val = 1, 2, 3
	n1.Next = &n2
	n2.Next = &n3
	for n := &n1; n != nil; n = n.Next {
		print(n.Val, " ")
	}
	println()
	n1.Next.Next.Val = 30
	println(n3.Val)
	pa := &arr
	pa[2] = 7
	println(arr[2], (*pa)[2])
}
