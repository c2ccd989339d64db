package main

import "fmt"

func double(a [3]int) [3]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func main() {
	var a [3]int
	b := [3]int{1, 2, 3}
	c := [...]string{"x", "y"}
	d := [5]int{1: 10, 3: 30}
	fmt.Println(a, b, c, d, len(c), len(d))
	e := b
	e[0] = 100
	fmt.Println(b, e, double(b), b)
	fmt.Println(b == [3]int{1, 2, 3}, b != e)
	var grid [2][3]int
	grid[1][2] = 5
	fmt.Println(grid, len(grid), len(grid[0]))
	p := &b
	p[1] = 20
	fmt.Println(b, len(p))
	for i, v := range c {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	s := b[1:]
	s[0] = 7
	fmt.Println(b, s, cap(s))
	fmt.Printf("%v %T %T\n", d, d, grid)
}
