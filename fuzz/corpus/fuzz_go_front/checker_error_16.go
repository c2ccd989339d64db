package main

func main() {
	x := 1
	y := "a"
	println(x + y)
	var b int8
	println(b + 300)
	println(x == y)
}
