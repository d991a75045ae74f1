package main

func main() {
	for i := 0; i < 6; i++ {
		switch i {
		case 1:
			continue
		case 3:
			break
		case 5:
			println("five")
		default:
			println("i", i)
			if i == 4 {
				break
			}
			println("after", i)
		}
		println("end", i)
	}
}
