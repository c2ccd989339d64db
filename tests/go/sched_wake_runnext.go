package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	var log []string
	var wg sync.WaitGroup
	ch := make(chan int)
	wg.Add(2)
	go func() {
		defer wg.Done()
		v := <-ch
		log = append(log, fmt.Sprint("receiver got ", v))
	}()
	runtime.Gosched()
	go func() {
		defer wg.Done()
		log = append(log, "other")
	}()
	ch <- 1
	log = append(log, "main after send")
	wg.Wait()
	fmt.Println(log)
}
