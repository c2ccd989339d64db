// The range expression is evaluated once (also with only the index variable, when it has a call), an array is
// ranged over as a copy, `k, v = range` assigns in two phases; package variables of one spec are initialised
// one by one in dependency order, and a method reference counts as a dependency; a method value of a nil
// interface panics where it is made.
package main

import "fmt"

var calls int

func arr() [3]int {
	calls++
	return [3]int{1, 2, 3}
}

type T int

func (T) A() int { return a }

var (
	n       int
	x, y, z = next(), next(), next()
	viaA    = T(0).A()
	a       = next() * 10
)

func next() int {
	n++
	return n
}

type Closer interface{ Close() }

func main() {
	for i := range arr() {
		_ = i
	}
	fmt.Println("calls:", calls)

	v := [3]int{1, 2, 3}
	sum := 0
	for i, e := range v {
		v[2] = 100 // the loop sees the copy
		sum += e
		_ = i
	}
	fmt.Println("sum:", sum, v)

	xs := []int{10, 20}
	i := 1
	for i, xs[i] = range []int{99} {
	}
	fmt.Println(i, xs)

	fmt.Println(x, y, z, viaA, a, n)

	defer func() { fmt.Println("recovered:", recover()) }()
	var c Closer
	defer c.Close()
	fmt.Println("not reached")
}
