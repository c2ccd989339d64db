// Operations a type set allows: arithmetic, ordering, ==, range, len, conversions; %T of instances.
package main

import "fmt"

type Num interface {
	~int | ~int8 | ~uint16 | ~float64
}

type Celsius float64

func Scale[T Num](xs []T, k T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = x*k + 1
	}
	return out
}

func Count[S ~[]E, E comparable](s S, x E) (n int) {
	for _, v := range s {
		if v == x {
			n++
		}
	}
	return
}

func Bytes[S ~string | ~[]byte](s S) (n int) {
	for i := 0; i < len(s); i++ {
		n += int(s[i])
	}
	return n
}

func To[D, S Num](x S) D { return D(x) }

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }
func NewSet[T comparable]() Set[T] { return Set[T]{} }

type Opt[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }

func (o Opt[T]) String() string {
	if !o.ok {
		return "none"
	}
	return fmt.Sprintf("some(%v)", o.v)
}

type MyBytes []byte

func main() {
	fmt.Println(Scale([]int8{1, 2, 100}, 2), Scale([]Celsius{1.5}, 2))
	fmt.Println(Count([]string{"a", "b", "a"}, "a"), Count(MyBytes("xyx"), 'x'))
	fmt.Println(Bytes("ab"), Bytes(MyBytes{1, 2}))
	fmt.Println(To[int](3.9), To[uint16](-1), To[Celsius](7))
	s := NewSet[string]()
	s.Add("go")
	fmt.Println(s.Has("go"), s.Has("c"), len(s))
	fmt.Println(Some(42), Opt[string]{})
	fmt.Printf("%T %T %T\n", s, Some(1.5), Some[[]Celsius](nil))
	fmt.Printf("%v %+v\n", Some("x"), Some(Some(1)))
}
