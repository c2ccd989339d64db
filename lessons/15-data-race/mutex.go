// The data race fixed with a mutex: the load, add and store of `balance += 1` happen
// while holding mu, so no other goroutine's update can fall between them.
package main

import (
	"fmt"
	"sync"
)

var (
	mu      sync.Mutex
	balance int64 // guarded by mu
)

func deposit(times int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < times; i++ {
		mu.Lock()
		balance += 1
		mu.Unlock()
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go deposit(1000, &wg)
	go deposit(1000, &wg)
	wg.Wait()
	fmt.Println("balance:", balance, "want 2000")
}
