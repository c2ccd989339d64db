// Generic types declared inside functions (Go 1.19 allows them), closures in generic functions, generic
// recursion, and instances of one generic type over another's.
package main

import "fmt"

func Memo[K comparable, V any](f func(K) V) func(K) V {
	cache := map[K]V{}
	calls := 0
	return func(k K) V {
		if v, ok := cache[k]; ok {
			return v
		}
		calls++
		v := f(k)
		cache[k] = v
		fmt.Println("computed", k, "calls", calls)
		return v
	}
}

func Count[T any](n int, v T) int {
	if n == 0 {
		return 0
	}
	return 1 + Count(n-1, v)
}

type Pair[A, B any] struct {
	A A
	B B
}

func Zip[A, B any](as []A, bs []B) []Pair[A, B] {
	var out []Pair[A, B]
	for i := range as {
		if i < len(bs) {
			out = append(out, Pair[A, B]{as[i], bs[i]})
		}
	}
	return out
}

func main() {
	type Cell[T any] struct {
		v    T
		next *Cell[T]
	}
	c := &Cell[string]{"a", &Cell[string]{"b", nil}}
	for p := c; p != nil; p = p.next {
		fmt.Print(p.v, " ")
	}
	fmt.Printf("%T\n", c)
	sq := Memo(func(i int) int { return i * i })
	fmt.Println(sq(3), sq(3), sq(4))
	fmt.Println(Count(3, "x"), Count[float64](2, 1))
	z := Zip([]string{"x", "y", "z"}, []Pair[int, bool]{{1, true}, {2, false}})
	fmt.Printf("%v %T\n", z, z)
}
