package main

type Cmd struct {
	Name string
	Num  int
}

func lookup(name string) int {
	switch name {
	case "fork":
		return 2
	case "read", "write":
		return 3
	case "":
		return -1
	}
	return 0
}

func main() {
	words := [6]string{"", "a", "ab", "abc", "abd", "b"}
	for _, x := range words {
		for _, y := range words {
			print(x < y, x == y, x >= y, " ")
		}
		println()
	}
	println(lookup("fork"), lookup("write"), lookup(""), lookup("forks"), lookup("for"))
	a := Cmd{"exec", 11}
	b := Cmd{"exec", 11}
	c := Cmd{"exit", 11}
	println(a == b, a == c, a != c)
	s := "héllo"
	println(s == "héllo", s > "hello", "\xff" > "a")
}
