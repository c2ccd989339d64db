package main

import "fmt"

type T struct{ a int }

func main() {
	fmt.Println("stdout line")
	print("print to stderr ", 42, " ", true, "\n")
	println("println adds spaces", 1, -2, 'x', false)
	println(1.5, -0.25, 1e21)
	var p *T
	var e error
	var s []int
	println(p == nil, e == nil, s == nil, len(s))
	var u8 uint8 = 200
	var i64 int64 = -1 << 63
	println(u8, i64, "多字节")
	println()
	fmt.Println("done")
}
