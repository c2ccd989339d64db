package main

import "strings"

type T struct{ x int }

func (t *T) Set() {}

func get() T { return T{} }

func main() {
	var r <-chan int
	r <- 1
	var s chan<- int
	<-s
	x := 5
	for range x {
	}
	go x
	defer int(x)
	get().Set()
	_ = strings.toLower
	close(r)
	var a []int
	a = append(a, "s")
	_ = make([]int)
	_ = make(int)
}
