// Race-free: every access to count is inside mu.Lock/mu.Unlock; an Unlock happens
// before the next Lock of the same mutex.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	count := 0
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				mu.Lock()
				count++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	mu.Lock()
	fmt.Println("count:", count)
	mu.Unlock()
}
