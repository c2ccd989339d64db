package main

const c = 1

func f() int { return 1 }

func main() {
	c = 2
	f() = 3
	"a" = "b"
	m := map[string]struct{ x int }{}
	m["a"].x = 1
}
