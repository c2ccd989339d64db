package main

import "fmt"

type T struct{ name string }

func (t T) show(tag string)   { fmt.Println(tag, "value receiver:", t.name) }
func (t *T) showP(tag string) { fmt.Println(tag, "pointer receiver:", t.name) }

func trace(s string) string {
	fmt.Println("entering", s)
	return s
}

func un(s string) { fmt.Println("leaving", s) }

func a() {
	defer un(trace("a"))
	fmt.Println("in a")
}

func main() {
	x := 1
	defer fmt.Println("deferred x =", x)
	defer func() { fmt.Println("closure x =", x) }()
	defer func(v int) { fmt.Println("param v =", v) }(x * 10)
	x = 2
	t := T{"first"}
	defer t.show("deferred")
	defer t.showP("deferred")
	t.name = "second"
	a()
	s := []int{1, 2, 3}
	defer fmt.Println("slice header copied:", s)
	s[0] = 99
	s = append(s, 4)
	x = 3
	fmt.Println("end of main")
}
