package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for _, ms := range []int{50, 10, 40, 20, 30} {
		wg.Add(1)
		go func(ms int) {
			defer wg.Done()
			time.Sleep(time.Duration(ms) * time.Millisecond)
			mu.Lock()
			order = append(order, ms)
			mu.Unlock()
		}(ms)
	}
	wg.Wait()
	fmt.Println("sleep sort:", order)
	start := time.Now()
	time.Sleep(30 * time.Millisecond)
	el := time.Since(start)
	fmt.Println("slept at least 30ms:", el >= 30*time.Millisecond, "less than 1s:", el < time.Second)
	time.Sleep(0)
	time.Sleep(-5 * time.Second)
	fmt.Println("zero and negative sleeps return at once:", time.Since(start) < time.Second)
}
