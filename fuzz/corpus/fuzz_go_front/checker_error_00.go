package main

func f(a int, b string) {}
func g() (int, int) { return 1, 2 }
func h() int {
	return 1, 2
}
func k() (int, string) {
	return 1
}

func main() {
	f(1)
	f(1, "a", 3)
	a, b := h()
	c := g()
	println(a, b, c)
}
