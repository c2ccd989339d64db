package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	ch := make(chan int, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		ch <- 1
		ch <- 2
		fmt.Println("unreachable")
	}()
	wg.Wait()
}
