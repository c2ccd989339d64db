package main

import (
	"fmt"
	"sync"
)

var (
	mu      sync.Mutex
	balance int
)

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				mu.Lock()
				balance += 1
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(balance)
	if balance != 6 {
		panic(fmt.Sprintf("lost update: balance is %d, not 6", balance))
	}
}
