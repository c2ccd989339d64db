// "Can a channel panic? Can you recover it?" Three channel operations panic: close of a
// closed channel, close of a nil channel, send on a closed channel; a deferred recover
// catches each. Receiving from a closed channel never panics (zero value, ok == false),
// and a nil channel blocks forever (nilblock.go: a deadlock, which recover cannot catch).
package main

import (
	"fmt"
	"time"
)

func try(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%-26s panic: %v -> recovered\n", what, r)
		}
	}()
	f()
	fmt.Printf("%-26s no panic\n", what)
}

func main() {
	try("close a closed channel:", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("close a nil channel:", func() {
		var c chan int
		close(c)
	})
	try("send on a closed channel:", func() {
		c := make(chan int, 1)
		close(c)
		c <- 1
	})
	try("receive from closed:", func() {
		c := make(chan int, 1)
		c <- 7
		close(c)
		v, ok := <-c // what was buffered comes out first
		fmt.Println("  ", v, ok)
		v, ok = <-c // then the zero value, and ok == false
		fmt.Println("  ", v, ok)
	})
	var never chan int // nil: no one can ever send on it
	select {
	case v := <-never:
		fmt.Println("impossible", v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("nil channel: still blocked after 10ms")
	}
}
