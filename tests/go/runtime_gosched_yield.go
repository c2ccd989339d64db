package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1)
	ran := false
	go func() { ran = true }()
	for i := 0; i < 3 && !ran; i++ {
		runtime.Gosched()
	}
	fmt.Println("goroutine ran after Gosched:", ran)
	stop := make(chan bool)
	spins := 0
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
				spins++
			}
		}
	}()
	runtime.Gosched()
	stop <- true
	fmt.Println("busy goroutine was preemptible:", spins > 0)
}
