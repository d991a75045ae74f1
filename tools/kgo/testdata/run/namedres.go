package main

func parse(s string) (n int, ok bool) {
	if len(s) == 0 {
		return
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	ok = true
	return
}

func counter() (count int) {
	for i := 0; i < 5; i++ {
		count += i
	}
	return
}

func main() {
	println(parse("1234"))
	println(parse(""))
	println(parse("12a"))
	println(counter())
}
