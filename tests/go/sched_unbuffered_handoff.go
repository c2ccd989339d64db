package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1)
	ch := make(chan int)
	done := make(chan bool)
	var log []string
	go func() {
		for v := range ch {
			log = append(log, fmt.Sprint("recv ", v))
		}
		done <- true
	}()
	for i := 0; i < 3; i++ {
		log = append(log, fmt.Sprint("send ", i))
		ch <- i
	}
	close(ch)
	<-done
	for _, l := range log {
		fmt.Println(l)
	}
}
