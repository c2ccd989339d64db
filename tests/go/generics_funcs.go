// Generic functions: explicit instantiation, inference from arguments (untyped constants default), core types.
package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) *List[T] { return &List[T]{l, v} }

func (l *List[T]) Each(f func(T)) {
	for ; l != nil; l = l.next {
		f(l.val)
	}
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Keys[K comparable, V any](m map[K]V) []K {
	var r []K
	for k := range m {
		r = append(r, k)
	}
	return r
}

func Index[S ~[]E, E comparable](s S, x E) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

type MyInts []int

type MyInt int

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.0), Sum[MyInt](1, 2))
	fmt.Println(Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i * 2) }))
	var l *List[string]
	l = l.Push("a").Push("b")
	l.Each(func(s string) { fmt.Print(s, " ") })
	fmt.Println()
	fmt.Printf("%T %v\n", l, *l.next)
	p := Pair[string, int]{"x", 1}
	fmt.Printf("%T %+v\n", p, p)
	fmt.Println(Keys(map[string]int{"a": 1}))
	fmt.Println(Index(MyInts{4, 5, 6}, 5), Index([]string{"a"}, "b"))
	f := Sum[float64]
	fmt.Println(f(1, 2))
}
