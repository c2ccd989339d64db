package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 100 }
}

func fib() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func main() {
	next, reset := counter()
	fmt.Println(next(), next(), next())
	reset()
	fmt.Println(next())
	other, _ := counter()
	fmt.Println(other(), next())
	f := fib()
	for i := 0; i < 10; i++ {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	x := 1
	add := func(d int) { x += d }
	add(5)
	add(10)
	fmt.Println(x)
	var fs []func()
	for i := 0; i < 3; i++ {
		i := i
		fs = append(fs, func() { fmt.Print(i, " ") })
	}
	for _, g := range fs {
		g()
	}
	fmt.Println()
	var rec func(int) int
	rec = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * rec(n-1)
	}
	fmt.Println(rec(10))
	func() { x *= 2 }()
	fmt.Println(x)
}
