// Race-free: readers read prices under RLock (concurrently with each other), the
// writer changes it under Lock. RUnlock happens before the next Lock, and Unlock
// happens before the next RLock or Lock.
package main

import (
	"fmt"
	"sync"
)

var (
	rw     sync.RWMutex
	prices = map[string]int{"tea": 3}
)

func read(key string) int {
	rw.RLock()
	defer rw.RUnlock()
	return prices[key]
}

func main() {
	var wg sync.WaitGroup
	sums := make([]int, 3)
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				sums[r] += read("tea")
			}
		}(r)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		rw.Lock()
		prices["tea"] = 4
		rw.Unlock()
	}()
	wg.Wait()
	fmt.Println("tea:", read("tea"), "reads in range:", sums[0] >= 9 && sums[0] <= 12)
}
