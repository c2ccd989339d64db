// Tuple assignment in Go's two phases: index operands and pointers on the left are evaluated first, the
// stores happen left to right afterwards, and a slice index is checked against the length at its store (a
// store before it has already happened when it panics).
package main

import "fmt"

type T struct{ i int }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked:", r)
		}
	}()
	f()
}

func main() {
	m := map[int]int{}
	p := []int{}
	try("map then slice", func() { m[2], p[1] = 2, 2 })
	fmt.Println(len(m), m[2])

	s := []int{1, 2, 3}
	t := []int{7, 8, 9}
	s, s[0] = t, 5 // s[0] is the old s's element
	fmt.Println(s, t)

	u := []int{0, 0, 0}
	i := 0
	i, u[i] = 2, 9 // u[0], with i's old value
	fmt.Println(i, u)

	var x T
	q := &x
	q, q.i = new(T), 4 // through the old q
	fmt.Println(x.i, q.i)

	a := []int{1, 2}
	j := 5
	try("slice then var", func() { a[j], j = 3, 1 })
	fmt.Println(j, a)

	var g int
	var nm map[int]int
	try("nil map first", func() { nm[0], g = 1, 2 })
	fmt.Println(g)

	b := []int{1, 2, 3}
	b[0], b[1], b[2] = b[2], b[0], b[1]
	fmt.Println(b)
}
