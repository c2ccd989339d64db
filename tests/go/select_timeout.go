package main

import (
	"fmt"
	"time"
)

func main() {
	slow := make(chan string)
	go func() {
		time.Sleep(200 * time.Millisecond)
		slow <- "late"
	}()
	select {
	case v := <-slow:
		fmt.Println("got", v)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timeout after 20ms")
	}
	fast := make(chan string, 1)
	go func() { fast <- "quick" }()
	select {
	case v := <-fast:
		fmt.Println("got", v)
	case <-time.After(time.Second):
		fmt.Println("unexpected timeout")
	}
	fmt.Println("second receive:", <-slow)
	tick := time.After(5 * time.Millisecond)
	fmt.Printf("%T %d\n", tick, cap(tick))
	t := <-tick
	fmt.Println("timer channel delivers a time:", !t.IsZero())
}
