package main

func main() {
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			print(i, j, " ")
		}
	}
	println()
	n := 0
loop:
	for {
		switch {
		case n > 5:
			break loop
		case n%2 == 0:
			n += 3
			continue loop
		}
		n++
	}
	println(n)
rows:
	for i := range 4 {
		for j := range 4 {
			switch {
			case j > i:
				continue rows
			case i == 3:
				break rows
			}
			print(i*j, " ")
		}
	}
	println()
}
