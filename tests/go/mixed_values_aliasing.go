// Value semantics and aliasing: value vs pointer receivers, method values, struct copies out of maps, typed
// nil errors, errors.As, arrays passed by value, append aliasing a shared backing array, invalid UTF-8 in
// range, shadowing, a labelled break out of select, nil printing, unsigned wrap, big untyped constants.
package main

import (
	"errors"
	"fmt"
)

type Acc struct {
	ID  int
	Bal int
	Log []string
}

func (a Acc) Copy() Acc  { a.Bal = -1; return a }
func (a *Acc) Dep(n int) { a.Bal += n; a.Log = append(a.Log, fmt.Sprint("dep ", n)) }

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func find(code int) error {
	if code == 0 {
		return nil
	}
	var e *MyErr
	if code > 0 {
		e = &MyErr{code}
	}
	return e
}

func modify(arr [3]int, sl []int) {
	arr[0] = 100
	sl[0] = 100
}

func gen(n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	return ch
}

func classify(x int) string {
	switch {
	case x < 0:
		return "neg"
	case x == 0:
		fallthrough
	case x == 1:
		return "small"
	default:
		return "big"
	}
}

func main() {
	a := Acc{ID: 1}
	dep := a.Dep
	dep(5)
	dep(7)
	b := a.Copy()
	fmt.Println(a.Bal, b.Bal, a.Log, len(b.Log))
	accs := map[int]*Acc{1: &a}
	accs[1].Dep(1)
	fmt.Println(a.Bal)
	vals := map[string]Acc{"x": {ID: 2}}
	v := vals["x"]
	v.Bal = 9
	fmt.Println(vals["x"].Bal, v.Bal)
	err := find(-1)
	fmt.Println(err == nil, err != nil)
	err = find(7)
	var me *MyErr
	if errors.As(err, &me) {
		fmt.Println("as", me.Code)
	}
	fmt.Println(find(0) == nil)
	arr := [3]int{1, 2, 3}
	sl := []int{1, 2, 3}
	modify(arr, sl)
	fmt.Println(arr, sl)
	s1 := []int{1, 2, 3, 4}
	s2 := s1[1:3]
	s2 = append(s2, 99)
	fmt.Println(s1, s2)
	s2 = append(s2, 100, 101)
	s2[0] = -1
	fmt.Println(s1, s2)
	sum := 0
	for v := range gen(5) {
		sum += v
	}
	fmt.Println(sum, classify(-3), classify(0), classify(1), classify(9))
	bad := "a\xffb\xc3"
	for i, r := range bad {
		fmt.Print(i, " ", r, ";")
	}
	fmt.Println(len(bad))
	x := 1
	{
		x := 2
		x++
		_ = x
	}
	if x := 5; x > 3 {
		fmt.Println("inner", x)
	}
	fmt.Println("outer", x)
	done := make(chan bool)
	data := make(chan int, 3)
	go func() {
		for i := 0; i < 3; i++ {
			data <- i * i
		}
		done <- true
	}()
	count := 0
loop:
	for {
		select {
		case d := <-data:
			count += d
		case <-done:
			break loop
		}
	}
	for len(data) > 0 {
		count += <-data
	}
	fmt.Println("count", count)
	type kv struct {
		k string
		v int
	}
	var list []kv
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	for _, k := range []string{"a", "b", "c"} {
		list = append(list, kv{k, m[k]})
	}
	fmt.Printf("%v %+v\n", list, list[0])
	var ip *int
	fmt.Println(ip == nil, fmt.Sprint(nil), fmt.Sprintf("%v %d", []string(nil), []int{}))
	var iface interface{}
	fmt.Println(iface == nil, fmt.Sprintf("%T %v", iface, iface))
	fns := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(fns["add"](3, 4), fns["mul"](3, 4), len(fns))
	var u uint = 3
	fmt.Println(u-5 > 0, int32(2147483647)+int32(u-2), ^0, 7&^5)
	const big = 1 << 100
	fmt.Println(big>>98, float64(big) > 1e30)
}
