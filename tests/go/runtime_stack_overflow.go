// Unbounded recursion in a goroutine ends the program as Go does: "runtime: goroutine stack exceeds
// 1000000000-byte limit", "fatal error: stack overflow", exit status 2.
package main

import "fmt"

type node struct{ depth int }

func (n node) descend() int {
	next := node{n.depth + 1}
	return next.descend() + 1
}

func main() {
	done := make(chan int)
	go func() {
		done <- node{}.descend()
	}()
	fmt.Println("started")
	fmt.Println(<-done)
}
