package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string)
	go func() {
		time.Sleep(50 * time.Millisecond)
		ch <- "from sleeper"
	}()
	fmt.Println("main blocks while a timer is pending: no deadlock report")
	fmt.Println(<-ch)
	start := time.Now()
	t := <-time.After(20 * time.Millisecond)
	fmt.Println("time.After fired, after start:", !t.Before(start))
	go func() {
		time.Sleep(20 * time.Millisecond)
		fmt.Println("sleeper exits without sending")
	}()
	<-ch
}
