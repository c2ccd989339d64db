package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	go func() {
		x := 0
		for {
			x++
		}
	}()
	time.Sleep(30 * time.Millisecond)
	fmt.Println("main resumed although a goroutine spins forever (async preemption)")
}
