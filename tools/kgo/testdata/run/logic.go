package main

var calls int

func t(s string, v bool) bool {
	calls++
	print(s, " ")
	return v
}

func main() {
	println(t("a", true) && t("b", false))
	println(t("c", false) && t("d", true))
	println(t("e", true) || t("f", true))
	println(t("g", false) || t("h", true))
	println(t("i", true) && (t("j", false) || t("k", true)))
	println(!t("l", false), calls)
	x := 5
	ok := x > 3 && x < 10 || x == 100
	println(ok)
}
