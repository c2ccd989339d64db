package main

func main() {
	x := 1
	println(len(x))
	var s []int
	println(s.foo)
	type T struct{}
	var t T
	t.m()
}
