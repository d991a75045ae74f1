package main

func count(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

func main() {
	s := "hello, world"
	for i, c := range s {
		print(i, ":", c, " ")
	}
	println()
	for i := range "abc" {
		print(i)
	}
	println()
	println(count(s, 'o'), count(s, 'z'), len(s))
}
