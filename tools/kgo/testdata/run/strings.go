package main

type Named struct {
	Name string
	Age  int
}

func first(s string) byte {
	if len(s) == 0 {
		return 0
	}
	return s[0]
}

func rev(s string) {
	for i := len(s) - 1; i >= 0; i-- {
		print(s[i], " ")
	}
	println()
}

func pick(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func main() {
	s := "kernel"
	println(s, len(s), first(s), first(""))
	rev(s)
	var t string
	println(len(t))
	n := Named{"init", 1}
	m := n
	m.Name = "shell"
	println(n.Name, m.Name, pick(true), pick(false))
	arr := [2]string{"x", s}
	println(arr[1][2], len(arr[0]))
}
