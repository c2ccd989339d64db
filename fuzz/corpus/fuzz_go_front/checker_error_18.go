package main

func main() {
	var a int8 = 300
	var b uint8
	b = -1
	const c int8 = 100
	d := c * 3
	var e int = 1.5
	println(a, b, d, e)
}
