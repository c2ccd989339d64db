package main

func main() {
	x := 1
	var x int
	x := 2
	_ = x
}

func f() {}
func f() {}
