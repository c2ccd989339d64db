package main

func main() {
	x := 1
	println(x / 0)
	const c = 1 / 0
	println(1.0 / 0)
}
