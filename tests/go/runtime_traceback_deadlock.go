// gopherbus: full-traceback
// A deadlock lists every goroutine: its wait reason, its frames and "created by" (Go's tracebackothers).
package main

import "fmt"

type relay struct{ in chan int }

func (r *relay) wait() { <-r.in }

func send(ch chan int, v int) {
	ch <- v
}

func nested(ch chan int, depth int) {
	if depth == 0 {
		<-ch
		return
	}
	nested(ch, depth-1)
}

func main() {
	ch := make(chan int)
	r := &relay{in: make(chan int)}
	go send(ch, 1)
	go r.wait()
	go func() {
		select {}
	}()
	go nested(make(chan int), 2)
	var nilch chan int
	go func() { nilch <- 1 }()
	done := make(chan bool)
	go func() { fmt.Println("this one ends"); done <- true }()
	<-done
	fmt.Println("main waits")
	<-make(chan struct{})
}
