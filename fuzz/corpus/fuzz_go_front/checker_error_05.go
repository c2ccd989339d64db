package main

type P struct{ X, Y int }

func main() {
	a := P{Z: 1}
	b := P{1}
	c := P{1, 2, 3}
	d := P{X: 1, 2}
	e := []int{1, "a"}
	f := map[string]int{"a": 1, "a": 2}
	_, _, _, _, _, _ = a, b, c, d, e, f
}
