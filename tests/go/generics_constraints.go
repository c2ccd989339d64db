// Constraints: methods with a pointer core type (PT interface{ *T; Set(string) }), inline unions, type
// switches on type parameters, generic function values, conversions between type parameters.
package main

import (
	"fmt"
	"strconv"
)

type Setter[B any] interface {
	Set(string)
	*B
}

type Settable int

func (p *Settable) Set(s string) {
	i, _ := strconv.Atoi(s)
	*p = Settable(i)
}

func FromStrings[T any, PT Setter[T]](s []string) []T {
	result := make([]T, len(s))
	for i, v := range s {
		p := PT(&result[i])
		p.Set(v)
	}
	return result
}

func Kind[T any](x T) string {
	switch any(x).(type) {
	case int:
		return "int"
	case T:
		return "T"
	}
	return "?"
}

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Reduce[T, A any](s []T, init A, f func(A, T) A) A {
	acc := init
	for _, v := range s {
		acc = f(acc, v)
	}
	return acc
}

func Len[S ~string | ~[]byte](s S) int { return len(s) }

func Conv[To, From ~int | ~float64](x From) To { return To(x) }

func main() {
	fmt.Println(FromStrings[Settable]([]string{"1", "22"}))
	fmt.Println(Kind(1), Kind("s"))
	fmt.Println(Max(3, 7), Max("a", "b"), Max(2.5, 1.0))
	fmt.Println(Reduce([]int{1, 2, 3}, "", func(a string, i int) string { return a + strconv.Itoa(i) }))
	fmt.Println(Len("héllo"), Len([]byte{1, 2}))
	fmt.Println(Conv[int](3.7), Conv[float64](2))
	m := Max[string]
	fmt.Printf("%T %v\n", m, m("x", "y"))
}
