package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	runtime.GOMAXPROCS(1)
	a, b := make(chan int), make(chan int)
	var rounds atomic.Int64
	go func() {
		for v := range a {
			rounds.Add(1)
			b <- v + 1
		}
	}()
	go func() {
		a <- 0
		for v := range b {
			a <- v + 1
		}
	}()
	for i := 0; i < 3; i++ {
		runtime.Gosched()
	}
	fmt.Println("main ran again while two goroutines kept handing off to each other:", rounds.Load() > 0)
}
