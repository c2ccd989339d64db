package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			fmt.Printf("%s: %s [%T, error]\n", name, e.Error(), r)
		} else {
			fmt.Printf("%s: %v [%T]\n", name, r, r)
		}
	}()
	f()
}

func main() {
	zero := 0
	var np *Node
	var m map[string]int
	var ch chan int
	var fn func()
	var arr []int
	try("divide", func() { fmt.Println(10 / zero) })
	try("modulo", func() { fmt.Println(10 % zero) })
	try("nil field", func() { fmt.Println(np.Val) })
	try("nil deref", func() { n := *np; fmt.Println(n) })
	try("nil map write", func() { m["a"] = 1 })
	try("nil map read ok", func() { fmt.Println(m["a"]) })
	try("close nil chan", func() { close(ch) })
	try("nil func call", func() { fn() })
	try("index", func() { arr = []int{1, 2, 3}; fmt.Println(arr[zero+5]) })
	try("custom", func() { panic(fmt.Sprintf("custom %d", 7)) })
	try("error value", func() { panic(fmt.Errorf("wrapped: %w", fmt.Errorf("inner"))) })
	var i8 int8 = -128
	var neg1 int8 = -1
	try("int8 min / -1 does not panic", func() { fmt.Println(i8 / neg1) })
}
