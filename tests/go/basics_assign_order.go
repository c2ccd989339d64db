// Assignment's two phases with a multi-value right side: the left sides' operands first (f, g, then h), and a
// pointer on the left keeps the value it had before the assignment; zero-size elements fit any length; a failed
// assertion between two local types of one name says they come from different scopes.
package main

import (
	"fmt"
	"strconv"
)

var trace string

func f() string { trace += "f"; return "abc" }
func g() *error  { trace += "g"; var e error; return &e }
func h() string  { trace += "h"; return "123" }

func two() (*int, int) { return nil, 42 }

func local1() interface{} {
	type T struct{}
	return T{}
}

func local2(x interface{}) {
	type T struct{}
	defer func() { fmt.Println(recover()) }()
	_ = x.(T)
}

func main() {
	m := map[string]int{}
	m[f()], *g() = strconv.Atoi(h())
	fmt.Println(m, trace)

	x := 7
	p := &x
	p, *p = two()
	fmt.Println(p == nil, x)

	big := make([]struct{}, 1<<40)
	big = append(big, struct{}{})
	fmt.Println(len(big), cap(big))

	local2(local1())
}
