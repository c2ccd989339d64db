// Named types defined through each other: T2's underlying type is T1's struct, which refers to T2 through
// a pointer; chains of names (T4 T5 ... T3) and pointers to arrays of themselves are valid too.
package main

import "fmt"

type T1 struct {
	Next *T2
	V    int
}

type T2 T1

type T3 struct{ Next *T4 }
type T4 T5
type T5 T6
type T6 T3

type List *[2]Elem
type Elem List

func main() {
	a := &T1{&T2{nil, 2}, 1}
	b := T2(*a)
	fmt.Println(a.V, a.Next.V, b.Next.V, b.Next.Next == nil)
	c := &T3{&T4{&T4{}}}
	fmt.Println(c.Next.Next.Next == nil)
	var arr [2]Elem
	l := List(&arr)
	arr[0] = Elem(l)
	fmt.Println(l[0] != nil, l[1] == nil)
}
