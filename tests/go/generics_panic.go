// gopherbus: full-traceback
// A panic in a method of a generic type and in a generic function: Go names their frames with [...].
package main

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Pop() T {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func Drain[T any](s *Stack[T]) {
	for {
		s.Pop()
	}
}

func main() {
	s := &Stack[string]{items: []string{"a"}}
	Drain(s)
}
