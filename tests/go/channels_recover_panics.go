package main

import (
	"fmt"
	"time"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %v (%T)\n", name, r, r)
	}()
	f()
}

func main() {
	closed := make(chan int, 1)
	close(closed)
	var nilCh chan int
	try("send on closed", func() { closed <- 1 })
	try("close closed", func() { close(closed) })
	try("close nil", func() { close(nilCh) })
	try("recv closed", func() { fmt.Println(<-closed) })
	unbuf := make(chan int)
	done := make(chan bool)
	go func() {
		defer func() {
			fmt.Println("sender blocked when close came panics:", recover())
			done <- true
		}()
		unbuf <- 1
	}()
	time.Sleep(10 * time.Millisecond)
	close(unbuf)
	<-done
}
