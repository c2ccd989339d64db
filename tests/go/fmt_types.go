package main

import (
	"errors"
	"fmt"
)

type Point struct{ X, Y int }
type Ints []int

func main() {
	var i interface{}
	var e error = errors.New("e")
	ch := make(chan int)
	var recv <-chan string
	var send chan<- bool
	f := func(int, string) error { return nil }
	vals := []interface{}{1, int8(1), uint(1), 'r', byte(1), 1.5, float32(1.5), "s", true, nil, i,
		[]int{}, [2]bool{}, map[string][]int{}, Point{}, &Point{}, Ints{}, e, ch, recv, send, f,
		struct{ A int }{}, []interface{}{}, new(int), &[]string{}}
	for _, v := range vals {
		fmt.Printf("%T\n", v)
	}
	fmt.Printf("%v %t %v\n", true, false, !true)
	fmt.Printf("%T %T\n", main, fmt.Println)
}
