// gopherbus: full-traceback
// runtime.Goexit runs the goroutine's deferred calls (recover returns nil there) and ends it; in the main
// goroutine the others go on, and when none is left: "no goroutines (main called runtime.Goexit) - deadlock!".
package main

import (
	"fmt"
	"runtime"
)

func inner(done chan bool) {
	defer fmt.Println("inner's defer runs")
	runtime.Goexit()
	fmt.Println("not reached")
}

func worker(done chan bool) {
	defer func() { done <- true }()
	defer func() { fmt.Println("recover in Goexit:", recover()) }()
	inner(done)
	fmt.Println("not reached either")
}

func main() {
	done := make(chan bool)
	go worker(done)
	<-done
	start := make(chan bool)
	go func() {
		<-start
		for i := 0; i < 3; i++ {
			runtime.Gosched()
			fmt.Println("still running", i)
		}
	}()
	defer close(start)
	defer fmt.Println("main's defer runs")
	go func() {
		defer func() { done <- true }()
		defer func() { fmt.Println("recover after a deferred Goexit:", recover()) }()
		defer runtime.Goexit() // ends the panic: it is never printed
		panic("not printed")
	}()
	<-done
	runtime.Goexit()
}
