// select: a default case makes a send or a receive non-blocking; a nil channel's case is
// never ready (so setting a channel to nil switches its case off); time.After puts a
// deadline on a wait; and when several cases are ready, select picks one at random.
package main

import (
	"fmt"
	"time"
)

func main() {
	queue := make(chan int, 1)
	for id := 1; id <= 2; id++ {
		select {
		case queue <- id:
			fmt.Println("queued payment", id)
		default: // the queue is full: do not wait
			fmt.Println("queue full, rejected payment", id)
		}
	}

	a, b := make(chan string), make(chan string)
	go func() { a <- "a1"; a <- "a2"; close(a) }()
	go func() { b <- "b1"; close(b) }()
	var got []string
	for a != nil || b != nil { // merge until both are closed
		select {
		case v, ok := <-a:
			if !ok {
				a = nil // a nil channel's case is never ready: switched off
				continue
			}
			got = append(got, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			got = append(got, v)
		}
	}
	fmt.Println("merged", len(got), "values, then both channels were closed")

	slow := make(chan string)
	select {
	case v := <-slow:
		fmt.Println(v)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("bank did not answer within 50ms: timeout")
	}

	x, y := make(chan int, 1), make(chan int, 1)
	count := map[string]int{}
	for i := 0; i < 1000; i++ {
		x <- i
		y <- i
		select { // both are ready: either may be chosen
		case <-x:
			count["x"]++
			<-y
		case <-y:
			count["y"]++
			<-x
		}
	}
	fmt.Println("both chosen, neither starved:", count["x"] > 400 && count["y"] > 400)
}
