package main

import "fmt"

type Inner struct {
	A int
	B string
}

type Outer struct {
	Name  string
	In    Inner
	Ptr   *Inner
	List  []int
	M     map[string]int
	Any   interface{}
	flag  bool
	Score float64
}

func main() {
	in := Inner{1, "x"}
	o := Outer{Name: "o", In: in, Ptr: &in, List: []int{1, 2}, M: map[string]int{"k": 1}, Any: 3, Score: 1.5}
	fmt.Printf("%v\n", in)
	fmt.Printf("%+v\n", in)
	fmt.Printf("%#v\n", in)
	fmt.Printf("%v\n", &in)
	fmt.Printf("%+v\n", &in)
	fmt.Printf("%#v\n", o.List)
	fmt.Printf("%v\n", o.In)
	var zero Outer
	fmt.Printf("%v\n", zero)
	fmt.Printf("%+v\n", zero)
	fmt.Printf("%#v\n", zero)
	fmt.Println(o.Name, o.In, *o.Ptr, o.List, o.M, o.Any, o.flag)
	fmt.Printf("%#v %#v %#v %#v\n", "s", 42, 1.0, []string{"a"})
	fmt.Printf("%#v %#v\n", map[string]bool{"t": true}, struct{ X, y int }{1, 2})
	fmt.Printf("%v %+v\n", []Inner{{1, "a"}}, []*Inner{nil})
	fmt.Printf("%T %T %T\n", o, &in, o.M)
}
