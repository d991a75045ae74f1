package main

func xor(a, b bool) bool { return a != b }

var on = true

func main() {
	t, f := true, false
	println(t, f, !t, xor(t, f), xor(t, t))
	var flags [4]bool
	flags[2] = true
	n := 0
	for _, b := range flags {
		if b {
			n++
		}
	}
	println(n, flags[2], on)
	on = !on
	b := 3 > 2 == true
	println(on, b, t == f)
}
