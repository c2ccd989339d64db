// A select with one case and no default is a plain channel operation (gc rewrites it): it completes like
// one, and a goroutine stuck in it waits as [chan receive], not [select].
package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan struct{})
	go func() {
		select {
		case v, ok := <-ch:
			fmt.Println("got", v, ok)
		}
		select {
		case done <- struct{}{}:
		}
	}()
	select {
	case ch <- 7:
		fmt.Println("sent")
	}
	select {
	case _, ok := <-done:
		fmt.Println("done", ok)
	}
	close(ch)
	select {
	case v, ok := <-ch:
		fmt.Println("closed", v, ok)
	}
	select {
	case v := <-ch:
		fmt.Println("again", v)
	}
	var s chan struct{}
	go func() {
		select {
		case <-s:
		}
	}()
	select {
	case v := <-done:
		fmt.Println(v)
	}
}
