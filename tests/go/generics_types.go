// Generic types and their methods: self-reference, embedded instances, method values, %T of instances.
package main

import "fmt"

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type Named struct {
	Stack[int]
	name string
}

type Tree[T interface{ ~int | ~string }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func main() {
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	v, ok := s.Pop()
	fmt.Println(v, ok, len(s.items))
	n := Named{name: "x"}
	n.Push(4)
	fmt.Println(n.Pop())
	var t *Tree[int]
	for _, x := range []int{5, 3, 8, 1} {
		t = t.Insert(x)
	}
	t.Walk(func(i int) { fmt.Print(i, " ") })
	fmt.Println()
	push := s.Push
	push("z")
	fmt.Println(s.items)
	fmt.Printf("%T %T %T\n", n.Stack, t, Pair[string, []Pair[int, bool]]{})
	var i interface{ Push(string) } = &s
	i.Push("w")
	fmt.Printf("%v %+v\n", s, Pair[string, int]{"k", 1})
}
