package main

import (
	"fmt"
	"strings"
)

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func compose(f, g func(string) string) func(string) string {
	return func(s string) string { return g(f(s)) }
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func main() {
	sq := func(x int) int { return x * x }
	fmt.Println(apply([]int{1, 2, 3}, sq))
	fmt.Println(apply([]int{1, 2, 3}, func(x int) int { return -x }))
	shout := compose(strings.ToUpper, func(s string) string { return s + "!" })
	fmt.Println(shout("hi"))
	var nilF func()
	fmt.Println(nilF == nil, sq != nil)
	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](3, 4), ops["mul"](3, 4))
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(divmod(-17, 5))
	fmt.Printf("%T\n", divmod)
	table := []struct {
		name string
		f    func() string
	}{{"a", func() string { return "A" }}, {"b", func() string { return "B" }}}
	for _, t := range table {
		fmt.Print(t.name, "=", t.f(), " ")
	}
	fmt.Println()
}
