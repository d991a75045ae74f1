package main

func main() {
	s := "aé€😀\xff\xc3z\xed\xa0\x80\xc0\xaf."
	for i, r := range s {
		print(i, ":", r, " ")
	}
	println()
	n := 0
	for range "héllo" {
		n++
	}
	println(n)
	for i := range "日本" {
		print(i, " ")
	}
	println()
}
