package main

var buf [64]byte
var pos int

func put(c byte) {
	buf[pos] = c
	pos++
}

func putnum(n uint) {
	var tmp [10]byte
	i := 0
	for {
		tmp[i] = byte('0' + n%10)
		i++
		n /= 10
		if n == 0 {
			break
		}
	}
	for i > 0 {
		i--
		put(tmp[i])
	}
}

func checksum() uint8 {
	var s uint8
	for i := 0; i < pos; i++ {
		s += buf[i]
		s = s<<1 | s>>7
	}
	return s
}

func main() {
	putnum(4294967295)
	put(' ')
	putnum(0)
	for i := 0; i < pos; i++ {
		print(buf[i]-'0', ",")
	}
	println()
	println(pos, checksum())
}
