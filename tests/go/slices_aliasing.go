package main

import "fmt"

func addOne(s []int) {
	for i := range s {
		s[i]++
	}
}

func grow(s []int) []int {
	return append(s, 42)
}

func main() {
	a := make([]int, 3, 10)
	b := append(a, 4)
	c := append(a, 5)
	fmt.Println(a, b, c)
	addOne(a)
	fmt.Println(a, b, c)
	full := []int{1, 2, 3}
	d := append(full, 4)
	d[0] = 100
	fmt.Println(full, d)
	e := grow(a[:1])
	fmt.Println(a, e)
	x := []string{"a", "b", "c", "d"}
	y := x[1:3]
	y[0] = "B"
	y = append(y, "Z")
	fmt.Println(x, y, len(y), cap(y))
	x = append(x[:1], x[2:]...)
	fmt.Println(x, len(x))
}
