package main

func main() {
	println(-2147483648, 2147483647, 0, -1)
	println(uint32(4294967295), uint8(255), int8(-128), uint16(65535), int16(-32768))
	print("no", "spaces", 1, 2, true, "\n")
	println("a", "b", 'c')
	var u uintptr = 12345
	println(u)
	println()
	print()
	println("tab\tend")
}
